package io.hirepipe.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Per-client request budgets at the edge, one budget per route group.
 *
 * @param enabled     off only for measurements (the benchmark compares both)
 * @param maxClients  how many client limiters one group may hold; the least recently used go first
 * @param idleExpiry  a client's limiter is dropped after this long without a request (its budget is full again by then)
 * @param groups      group name (also the metric tag and the policy name in the headers) to its budget
 */
@ConfigurationProperties("hirepipe.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("100000") long maxClients,
                                  @DefaultValue("15m") Duration idleExpiry,
                                  Map<String, Group> groups) {

    public RateLimitProperties {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        if (idleExpiry == null || idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalArgumentException("hirepipe.gateway.rate-limits.idle-expiry must be positive");
        }
        groups.forEach((name, group) -> {
            if (group.limit() < 1 || group.period() == null || group.period().isZero() || group.period().isNegative()) {
                throw new IllegalArgumentException("hirepipe.gateway.rate-limits.groups." + name
                        + " needs a positive limit and period");
            }
            if (group.idleExpiryTooShortFor(idleExpiry)) {
                throw new IllegalArgumentException("hirepipe.gateway.rate-limits.groups." + name + ".period must not "
                        + "exceed idle-expiry, or an expired limiter would hand out a fresh budget early");
            }
        });
    }

    /**
     * @param limit   requests one client may make per period
     * @param period  the window after which the budget is full again
     * @param order   groups are tried in ascending order; the first whose methods and paths match wins
     * @param methods HTTP methods this group covers; empty means all
     * @param paths   path patterns (Spring's PathPattern syntax) this group covers; empty means all
     * @param matchRequests false for a budget that code applies itself, on something in the body
     *                      (the invitation token), rather than the edge filter by method and path
     */
    public record Group(int limit, Duration period, @DefaultValue("100") int order, List<String> methods,
                        List<String> paths, @DefaultValue("true") boolean matchRequests) {

        public Group {
            methods = methods == null ? List.of() : List.copyOf(methods);
            paths = paths == null ? List.of() : List.copyOf(paths);
        }

        boolean idleExpiryTooShortFor(Duration idleExpiry) {
            return period.compareTo(idleExpiry) > 0;
        }
    }
}
