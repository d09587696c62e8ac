package io.hirepipe.testkit;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.springframework.core.annotation.MergedAnnotations;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Looks for Docker, quietly, before any test runs when the run contains {@code @Testcontainers} classes.
 *
 * <p>Why: {@code @Testcontainers(disabledWithoutDocker = true)} asks Testcontainers directly, and the first
 * time Testcontainers finds no Docker it logs every strategy it tried at ERROR level. Testcontainers remembers
 * the answer, so once the kit has asked first (with that logging muted) later checks stay quiet, whichever test
 * class happens to run first. Registered in {@code META-INF/services}; JUnit loads it automatically.
 */
public final class DockerCheckBeforeTests implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        try {
            if (testClasses(testPlan).anyMatch(DockerCheckBeforeTests::usesTestcontainers)) {
                ModeSelection.docker();
            }
        } catch (RuntimeException | LinkageError e) {
            // a convenience only: Testcontainers and the kit will still check when a test needs it
        }
    }

    private static Stream<Class<?>> testClasses(TestPlan testPlan) {
        return testPlan.getRoots().stream()
                .flatMap(root -> testPlan.getDescendants(root).stream())
                .map(TestIdentifier::getSource)
                .flatMap(Optional::stream)
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getJavaClass());
    }

    private static boolean usesTestcontainers(Class<?> testClass) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(Testcontainers.class);
    }
}
