package io.hirepipe.deploychecks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The one Dockerfile pattern, checked statically: no engine runs on these machines to build it. */
class DockerfileTest {

    private static final Pattern PINNED_IMAGE = Pattern.compile("ARG (JDK|JRE)_IMAGE=eclipse-temurin:17\\.0\\.\\d+_\\d+-(jdk|jre)-\\w+");

    private final String dockerfile = Repo.read("infra/docker/Dockerfile");

    @Test
    void basesArePinnedToAVersionTag() {
        assertThat(dockerfile.lines().filter(l -> l.startsWith("ARG ") && l.contains("_IMAGE=")))
                .hasSize(2).allMatch(l -> PINNED_IMAGE.matcher(l).matches());
        assertThat(dockerfile).doesNotContain(":latest");
    }

    @Test
    void runsTheLayeredJarAsANonRootUser() {
        assertThat(dockerfile).contains("-Djarmode=tools -jar app.jar extract --layers --launcher");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(dockerfile).contains("COPY --from=build /out/extracted/" + layer + "/ ./");
        }
        assertThat(dockerfile).contains("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(dockerfile.lines().filter(l -> l.startsWith("USER "))).containsExactly("USER 10001:10001");
    }

    @Test
    void hasAHealthcheckAndContainerAwareJvmFlags() {
        assertThat(dockerfile).contains("HEALTHCHECK").contains("HealthCheck");
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=75").doesNotContain("TieredStopAtLevel");
    }

    /** Outside compose nothing sets MANAGEMENT_PORT: the gateway image's probe must find actuator at its default. */
    @Test
    void theGatewayImageProbesActuatorOnTheGatewaysDefaultManagementPort() {
        Matcher defaultPort = Pattern.compile("port: \\$\\{MANAGEMENT_PORT:(\\d+)}")
                .matcher(Repo.read("gateway/src/main/resources/application.yml"));
        assertThat(defaultPort.find()).isTrue();

        assertThat(dockerfile).contains("if [ \"${SERVICE}\" = gateway ]; then echo " + defaultPort.group(1)
                + " > /out/healthcheck/management-port; fi");
        assertThat(Repo.read("infra/docker/HealthCheck.java")).contains("resolve(\"management-port\")");
    }

    /** The Dockerfile copies {@code <service>/target/<service>.jar}; each service's pom must name its jar so. */
    @Test
    void everyServiceJarIsNamedAfterItsModule() {
        for (String service : Repo.SERVICES) {
            assertThat(Repo.read(service + "/pom.xml")).as(service).contains("<finalName>" + service + "</finalName>");
        }
    }

    @Test
    void buildContextLeavesOutBuildOutputAndSecrets() {
        assertThat(Repo.read(".dockerignore").lines()).contains("**/target/", ".hirepipe/", "infra/compose/.env");
    }
}
