package io.hirepipe.perf;

/** One service's Prometheus text: the sum of a metric's samples whose labels contain every given fragment. */
final class Metrics {

    private final String[] lines;

    private Metrics(String text) {
        this.lines = text.split("\n");
    }

    /** Reads the page once, for several sums over the same moment. */
    static Metrics read(String prometheusUrl) {
        Api.Response response = new Api(prometheusUrl).get(prometheusUrl);
        if (response.status() != 200) {
            throw new IllegalStateException(prometheusUrl + " answered " + response.status());
        }
        return new Metrics(response.body());
    }

    static double sum(String prometheusUrl, String metric, String... labelFragments) {
        return read(prometheusUrl).total(metric, labelFragments);
    }

    double total(String metric, String... labelFragments) {
        double total = 0;
        for (String line : lines) {
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
