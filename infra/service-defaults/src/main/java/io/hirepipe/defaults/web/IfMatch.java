package io.hirepipe.defaults.web;

import io.hirepipe.defaults.problem.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An optional {@code If-Match} request header: absent (or {@code *}) matches any state, so clients that
 * never read an ETag keep working; otherwise the resource must still carry one of the listed tags.
 */
public record IfMatch(List<String> tags) {

    public static final IfMatch ANY = new IfMatch(List.of());

    public static IfMatch of(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return ANY;
        }
        // Weak tags compare by their opaque part (RFC 9110 weak comparison is not allowed for If-Match,
        // but our tags are strong, so a "W/" prefix added by a proxy names the same state).
        return new IfMatch(Arrays.stream(header.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .filter(tag -> !tag.isEmpty())
                .toList());
    }

    public boolean isAny() {
        return tags.isEmpty();
    }

    /** @throws ProblemException 412 when the resource no longer carries a tag the client named */
    public void require(String currentTag, String what) {
        if (!isAny() && !tags.contains(currentTag)) {
            throw stale(what);
        }
    }

    /**
     * Applies {@code change} to the state {@code load} reads, as a write conditional on that state. Without
     * If-Match a write lost to a concurrent writer is retried on fresh state a few times (then 409); with
     * If-Match the state must carry the client's tag (else 412) and a lost write is not retried, since the
     * client's basis is gone.
     *
     * @param change the conditional write; empty when another write came first
     */
    public <D> D write(String what, Supplier<D> load, Function<D, String> etagOf, Function<D, Optional<D>> change) {
        int attempts = isAny() ? 3 : 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            D current = load.get();
            require(etagOf.apply(current), what);
            Optional<D> changed = change.apply(current);
            if (changed.isPresent()) {
                return changed.get();
            }
        }
        if (!isAny()) {
            throw stale(what);
        }
        throw ProblemException.conflict("concurrent-modification", what + " is being changed concurrently; retry the request.");
    }

    public static ProblemException stale(String what) {
        return new ProblemException(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                what + " changed since you read it (If-Match no longer matches); read it again and retry.")
                .with("header", "If-Match");
    }
}
