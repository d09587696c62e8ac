package io.hirepipe.gateway.failover;

import java.net.ConnectException;

/** Failures to connect: refused, unreachable or timed out while connecting. The request never left the gateway. */
final class ConnectFailures {

    private ConnectFailures() {
    }

    static boolean isConnectFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
