package io.hirepipe.defaults.web;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in {@code x-roles} the roles an operation's {@link PreAuthorize} lets in (["ADMIN"], ["VIEWER","PLATFORM"]), so
 * the gateway's public document can say who may call it and leave out what only services may. Read from the same
 * annotation method security enforces, so the two cannot drift. As method security does, the method's annotation
 * wins over its class's. Only plain {@code hasRole('X')} and {@code hasAnyRole('X','Y',...)} are read: any other
 * expression leaves the operation unmarked rather than half described.
 */
public class AllowedRoles implements OperationCustomizer {

    public static final String EXTENSION = "x-roles";

    private static final Pattern HAS_ROLE = Pattern.compile("\\s*hasRole\\(\\s*('[^']*')\\s*\\)\\s*");
    private static final Pattern HAS_ANY_ROLE =
            Pattern.compile("\\s*hasAnyRole\\(\\s*('[^']*'(?:\\s*,\\s*'[^']*')*)\\s*\\)\\s*");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        PreAuthorize rule = handlerMethod.getMethodAnnotation(PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), PreAuthorize.class);
        }
        if (rule != null) {
            roles(rule.value()).ifPresent(roles -> operation.addExtension(EXTENSION, roles));
        }
        return operation;
    }

    /** The roles of {@code hasRole('X')} or {@code hasAnyRole('X','Y')}, without a {@code ROLE_} prefix; else empty. */
    static Optional<List<String>> roles(String expression) {
        Matcher matcher = HAS_ROLE.matcher(expression);
        if (!matcher.matches()) {
            matcher = HAS_ANY_ROLE.matcher(expression);
            if (!matcher.matches()) {
                return Optional.empty();
            }
        }
        List<String> roles = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(matcher.group(1));
        while (quoted.find()) {
            String role = quoted.group(1).strip();
            role = role.startsWith("ROLE_") ? role.substring("ROLE_".length()) : role;
            if (!ROLE.matcher(role).matches()) {
                return Optional.empty();
            }
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        return Optional.of(List.copyOf(roles));
    }
}
