package io.hirepipe.gateway.failover;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance that refused a connection is left out of the load balancer's choice; never all of them. */
class AvoidRefusingInstancesTest {

    private static final ServiceInstance FIRST = new DefaultServiceInstance("q-1", "question-service", "127.0.0.1", 18081, false);
    private static final ServiceInstance SECOND = new DefaultServiceInstance("q-2", "question-service", "127.0.0.1", 18082, false);

    private final RefusingInstances refusing = new RefusingInstances(Duration.ofMinutes(1));
    private final AvoidRefusingInstances supplier = new AvoidRefusingInstances(new FixedInstances(), refusing);

    @Test
    void anInstanceThatRefusedIsLeftOutWhileAnotherRemains() {
        assertThat(supplier.get().blockFirst()).containsExactly(FIRST, SECOND);

        refusing.refused(URI.create("http://127.0.0.1:18081/api/questions/q-1"));

        assertThat(supplier.get().blockFirst()).containsExactly(SECOND);
    }

    @Test
    void whenEveryInstanceRefusedAllAreOfferedAgain() {
        refusing.refused(URI.create("http://127.0.0.1:18081/api/questions"));
        refusing.refused(URI.create("http://127.0.0.1:18082/api/questions"));

        assertThat(supplier.get().blockFirst()).containsExactly(FIRST, SECOND);
    }

    private static final class FixedInstances implements ServiceInstanceListSupplier {
        @Override
        public String getServiceId() {
            return "question-service";
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return Flux.just(List.of(FIRST, SECOND));
        }
    }
}
