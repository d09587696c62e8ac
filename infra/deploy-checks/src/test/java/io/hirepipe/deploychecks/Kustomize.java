package io.hirepipe.deploychecks;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize} (offline, client only) and parses the result. */
final class Kustomize {

    private static final Map<Path, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /**
     * Skips the calling tests where kubectl is missing, except in CI (CI=true), where .ci/run installs
     * it and a skip would hide that the manifests went unchecked.
     */
    static void requireKubectl() {
        boolean available = kubectlAvailable();
        if ("true".equals(System.getenv("CI"))) {
            Assertions.assertTrue(available, "CI=true but kubectl is not installed (.ci/run installs it)");
        }
        Assumptions.assumeTrue(available, "kubectl is not installed: the manifests cannot be rendered here");
    }

    static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<Map<String, Object>> render(Path kustomization) {
        return RENDERED.computeIfAbsent(kustomization, Kustomize::run);
    }

    private static List<Map<String, Object>> run(Path kustomization) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString()).start();
            // stderr is small (errors only); read stdout fully first so a large render cannot block.
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n" + err);
            }
            return Yamls.documents(out);
        } catch (IOException e) {
            throw new AssertionError("Cannot run kubectl kustomize " + kustomization, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
