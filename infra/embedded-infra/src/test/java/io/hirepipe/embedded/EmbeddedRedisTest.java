package io.hirepipe.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

class EmbeddedRedisTest {

    @Test
    void answersRedisCommandsOnLoopback() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(0)) {
            RedisClient client = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                RedisCommands<String, String> commands = connection.sync();

                assertThat(commands.set("assessment:42:state", "SUBMITTED")).isEqualTo("OK");
                assertThat(commands.get("assessment:42:state")).isEqualTo("SUBMITTED");
                assertThat(commands.incr("rate:ada")).isEqualTo(1L);
                assertThat(commands.incr("rate:ada")).isEqualTo(2L);
                assertThat(commands.info("server")).contains("redis_version:6.2");
                assertThat(commands.configGet("bind")).containsEntry("bind", "127.0.0.1");
            } finally {
                client.shutdown();
            }
            assertThat(redis.host()).isEqualTo("127.0.0.1");
            assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
        }
    }

    @Test
    void releasesThePortOnClose() {
        int port = PortCheck.freePort();
        EmbeddedRedis redis = EmbeddedRedis.start(port);
        assertThat(PortCheck.isFree(port)).isFalse();

        redis.close();

        assertThat(PortCheck.isFree(port)).isTrue();
    }

    @Test
    void flushesStopsAndStartsAgainOnTheSamePort() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(0)) {
            RedisClient client = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().set("session:1", "answers");
                redis.flushAll();
                assertThat(connection.sync().get("session:1")).isNull();
            } finally {
                client.shutdown();
            }

            redis.stop();
            assertThat(PortCheck.isFree(redis.port())).isTrue();
            redis.startAgain();

            RedisClient again = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> connection = again.connect()) {
                assertThat(connection.sync().set("session:1", "answers")).isEqualTo("OK");
            } finally {
                again.shutdown();
            }
        }
    }
}
