package io.hirepipe.localstack;

import java.util.List;
import java.util.Map;

/**
 * How to launch one service process.
 *
 * @param command     the full command line (java, JVM options, -jar, jar, Spring arguments)
 * @param environment extra environment variables (secrets travel here, not on the command line)
 * @param healthUrl   answered with 200 once the service is ready for traffic
 */
public record ServiceSpec(String name, int port, List<String> command, Map<String, String> environment,
                          String healthUrl) {

    public ServiceSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
