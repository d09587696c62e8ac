package io.hirepipe.defaults.web;

import io.hirepipe.defaults.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * springdoc defaults for services that describe their API (and for the gateway's own endpoints). The
 * {@link Caller} argument comes from the gateway's internal token, not from the request's parameters, so it
 * must not show up as one.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
public class OpenApiDefaultsAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** The problem responses with an example per status, once for every operation (see the customizer). */
    @Bean
    ProblemResponsesCustomizer problemResponsesCustomizer() {
        return new ProblemResponsesCustomizer();
    }

    /** The 409 and 422 responses an operation declares with {@link Refusal}. */
    @Bean
    RefusalResponses refusalResponses() {
        return new RefusalResponses();
    }

    /** Who may call each operation ({@code x-roles}), from its {@code @PreAuthorize}: the gateway's document needs it. */
    @Bean
    AllowedRoles allowedRoles() {
        return new AllowedRoles();
    }

    @Bean
    ContractSchemaExamplesCustomizer contractSchemaExamplesCustomizer() {
        return new ContractSchemaExamplesCustomizer();
    }
}
