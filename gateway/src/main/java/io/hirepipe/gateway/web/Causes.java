package io.hirepipe.gateway.web;

/** Finds a failure of a given kind in a cause chain (reactor and codecs wrap freely). */
final class Causes {

    private static final int MAX_DEPTH = 10;

    private Causes() {
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
