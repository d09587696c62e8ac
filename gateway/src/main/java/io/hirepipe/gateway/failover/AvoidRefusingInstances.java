package io.hirepipe.gateway.failover;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * The instances the load balancer chooses from, less those that recently refused a connection. If every
 * instance refused, all are offered again: trying one costs little, and answering "no instance" would not help.
 */
final class AvoidRefusingInstances extends DelegatingServiceInstanceListSupplier {

    private final RefusingInstances refusing;

    AvoidRefusingInstances(ServiceInstanceListSupplier delegate, RefusingInstances refusing) {
        super(delegate);
        this.refusing = refusing;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return getDelegate().get().map(this::available);
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        return getDelegate().get(request).map(this::available);
    }

    private List<ServiceInstance> available(List<ServiceInstance> instances) {
        List<ServiceInstance> available = instances.stream().filter(instance -> !refusing.isOutOfRotation(instance)).toList();
        return available.isEmpty() ? instances : available;
    }
}
