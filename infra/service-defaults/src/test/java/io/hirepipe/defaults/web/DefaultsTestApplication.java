package io.hirepipe.defaults.web;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A minimal servlet service that uses the defaults as a real service would. */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration"})
class DefaultsTestApplication {

    record Widget(@NotBlank String name, @Min(1) int size, @Email String owner, List<String> tags, List<Part> parts,
                  Instant madeAt, Colour colour) {
    }

    record Part(String id) {
    }

    enum Colour { RED, GREEN }

    @RestController
    static class WidgetController {

        @PostMapping("/api/widgets")
        @PreAuthorize("hasAnyRole('RECRUITER', 'PLATFORM')")
        Map<String, Object> create(@Valid @RequestBody Widget widget, Caller caller) {
            return Map.of("name", widget.name(), "tenant", caller.tenantId(), "kind", caller.kind().name(),
                    "madeAt", String.valueOf(widget.madeAt()));
        }

        @GetMapping("/api/widgets")
        @PreAuthorize("hasAnyRole('RECRUITER', 'PLATFORM')")
        Items<Widget> list(Caller caller,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                           @RequestParam(required = false) Colour colour,
                           @RequestParam(required = false) Double weight,
                           @RequestParam(required = false) Instant since) {
            return Items.of(List.of(new Widget("small", 1, null, List.of("a"), null, null, null),
                    new Widget("large", 9, null, List.of(), null, null, null)));
        }

        @GetMapping("/api/widgets/{id}")
        Map<String, Object> get(@PathVariable String id, Caller caller) {
            throw ProblemException.notFound("Widget", id);
        }

        /** What the service believes about where a request came from. */
        @GetMapping("/api/whoami")
        @PreAuthorize("hasAnyRole('RECRUITER', 'PLATFORM')")
        Map<String, Object> whoami(HttpServletRequest request) {
            return Map.of("remoteAddress", request.getRemoteAddr(), "scheme", request.getScheme(),
                    "host", request.getServerName());
        }

        @GetMapping("/api/boom")
        Map<String, Object> boom() {
            throw new IllegalStateException("secret internal detail");
        }
    }

    /** Constraints checked by method validation (class-level {@code @Validated}), as some services do. */
    @RestController
    @Validated
    static class GadgetController {

        @GetMapping("/api/gadgets")
        Items<String> list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, Caller caller) {
            return Items.of(List.of("gadget"));
        }

        /** A required query parameter, named as the client writes it (as Greenhouse's partner_interview_id is). */
        @GetMapping("/api/gadgets/lookup")
        Map<String, Object> lookup(@RequestParam("gadget_id") String gadgetId, Caller caller) {
            return Map.of("id", gadgetId);
        }

        @GetMapping("/api/gadgets/{id}/versions/{version}")
        Map<String, Object> version(@PathVariable String id, @PathVariable @Min(1) int version, Caller caller) {
            return Map.of("id", id, "version", version);
        }
    }
}
