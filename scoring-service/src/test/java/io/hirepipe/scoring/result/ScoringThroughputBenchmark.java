package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.testkit.EventTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import static io.hirepipe.scoring.TestEvents.envelope;
import static io.hirepipe.scoring.TestEvents.id;
import static io.hirepipe.scoring.TestEvents.replicationVersusShardingWithExamples;
import static io.hirepipe.scoring.TestEvents.singleChoice;
import static io.hirepipe.scoring.TestEvents.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Submissions scored per second end to end through scoring-service: AssessmentSubmitted records on
 * the test kit's Kafka, consumed, graded (one choice item and two free-text answers of 40–90 words
 * each, semantic grader), stored with their outbox in MongoDB. Counted from the first publish until
 * every result is stored. Runs only with {@code -Dbenchmark=true} (command in the README).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ScoringThroughputBenchmark extends ScoringServiceTest {

    private static final int SUBMISSIONS = Integer.getInteger("benchmark.submissions", 300);
    private static final String TENANT = id("tenant-throughput");

    /** Answers of the kind candidates write: excellent, partial, paraphrased, wrong, rambling. */
    private static final List<String> ANSWERS = List.of(
            "Replication keeps full copies of the same data on several nodes, so reads can be spread over the "
                    + "replicas and a failed primary can be replaced. Sharding splits the data into partitions by a "
                    + "shard key and puts each partition on a different server, so writes and storage scale out.",
            "Replication copies data. Sharding splits it. You use sharding when there is a lot of data.",
            "With the first, every machine ends up holding the whole data set, which helps when one of them dies "
                    + "and lets many readers be served at once. With the second, each machine only owns a slice of the "
                    + "rows, decided by a key, so the total can grow beyond one machine's disk and write capacity.",
            "Sharding copies all data to every node so that each node can answer any query, while replication is "
                    + "when you split the tables into several smaller databases.",
            "In my last project we had a big MongoDB cluster and it was sometimes slow. We added more memory and "
                    + "indexes. Replication was on by default I think, with three members in the replica set, and we "
                    + "never needed sharding because the data fit on one machine, but it is for splitting data.");

    private final EventTopics kafka = EventTopics.shared();

    @Autowired
    MongoTemplate mongo;

    @Test
    void submissionsScoredPerSecond() {
        String choice = id("q-choice");
        String free1 = id("q-free");
        String free2 = id("q-free");
        kafka.publish(envelope(singleChoice(choice, 1, "b"), TENANT));
        kafka.publish(envelope(replicationVersusShardingWithExamples(free1, 1), TENANT));
        kafka.publish(envelope(replicationVersusShardingWithExamples(free2, 1), TENANT));
        // one scored submission first: question keys stored, model loaded, rubric embeddings cached
        kafka.publish(envelope(submission(id("ses-warm"), id("inv"), 60, SubmitReason.CANDIDATE,
                answers(choice, free1, free2, 0)), TENANT));
        await().atMost(Duration.ofMinutes(2)).until(() -> stored() == 1);

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        for (int i = 0; i < SUBMISSIONS; i++) {
            kafka.publish(envelope(submission(id("ses"), id("inv"), 60, SubmitReason.CANDIDATE,
                    answers(choice, free1, free2, i + 1)), TENANT));
        }
        long published = System.nanoTime();
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> stored() == SUBMISSIONS + 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        System.out.printf("%n=== Scoring throughput (embedded Kafka + MongoDB, one scoring-service) ===%n"
                        + "%d submissions (1 choice + 2 free-text answers each) in %.1f s: %.1f scored/s "
                        + "(publishing took %.1f s); cores %d; load average %.1f before, %.1f after "
                        + "(the machine is shared: other builds run)%n",
                SUBMISSIONS, seconds, SUBMISSIONS / seconds, (published - start) / 1e9,
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        assertThat(stored()).isEqualTo(SUBMISSIONS + 1);
    }

    private long stored() {
        return mongo.count(Query.query(Criteria.where("tenantId").is(TENANT)), ScoringResult.class);
    }

    private static SubmittedAnswer[] answers(String choice, String free1, String free2, int i) {
        return new SubmittedAnswer[] {
                new SubmittedAnswer(choice, 1, List.of(i % 3 == 0 ? "a" : "b"), null, "Index trade-off"),
                new SubmittedAnswer(free1, 1, List.of(), ANSWERS.get(i % ANSWERS.size()), "Replication vs sharding"),
                new SubmittedAnswer(free2, 1, List.of(), ANSWERS.get((i + 2) % ANSWERS.size()), "Replication again")};
    }
}
