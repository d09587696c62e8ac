package io.hirepipe.perf;

/** Reads one service's Prometheus text: the sum of a metric's samples whose labels contain every given fragment. */
final class Metrics {

    private Metrics() {
    }

    static double sum(String prometheusUrl, String metric, String... labelFragments) {
        Api.Response response = new Api(prometheusUrl).get(prometheusUrl);
        if (response.status() != 200) {
            throw new IllegalStateException(prometheusUrl + " answered " + response.status());
        }
        double total = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                continue;
            }
            boolean matches = true;
            for (String fragment : labelFragments) {
                matches &= line.contains(fragment);
            }
            if (matches) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
