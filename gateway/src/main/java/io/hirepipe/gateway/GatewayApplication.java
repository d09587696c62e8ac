package io.hirepipe.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The only public entry point: authenticates recruiters, platform clients and candidates, and
 * forwards their requests to the services with a signed internal token naming the caller.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Reactor Netty's setting for how many event loops serve the clients and the downstream calls alike. */
    static final String EVENT_LOOPS = "reactor.netty.ioWorkerCount";

    public static void main(String[] args) {
        oneEventLoopPerCore();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * Reactor Netty starts at least four event loops, however few cores there are. Every request and its
     * downstream call are handled on one loop from start to end, so loops beyond the cores only add thread
     * switches and half-empty wake-ups: on two cores that was a measurable share of a proxied request's CPU.
     * One loop per core, unless {@code -Dreactor.netty.ioWorkerCount} says otherwise.
     */
    static void oneEventLoopPerCore() {
        if (System.getProperty(EVENT_LOOPS) == null) {
            System.setProperty(EVENT_LOOPS, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }
}
