package io.hirepipe.perf.gatling;

/** What the harness passes to a simulation: system properties set on the Gatling JVM it launches. */
final class Settings {

    private Settings() {
    }

    static String baseUrl() {
        return required("perf.baseUrl");
    }

    static String feeder() {
        return required("perf.feeder");
    }

    static double rate() {
        return Double.parseDouble(required("perf.rate"));
    }

    static int seconds() {
        return Integer.parseInt(required("perf.seconds"));
    }

    /** Seconds of requests sent first at the same rate and not counted (optional, 0 if absent). */
    static int warmUpSeconds() {
        String value = System.getProperty("perf.warmUpSeconds");
        return value == null || value.isBlank() ? 0 : Integer.parseInt(value);
    }

    static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + name + " is required (infra/perf/run.sh sets it)");
        }
        return value;
    }
}
