package io.hirepipe.defaults.security;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The roles a handler's {@link PreAuthorize} lets in, read from the annotation method security enforces: for the API
 * description ({@code x-roles}) and for a 403 that says what the caller lacks. As method security does, the method's
 * annotation wins over its class's. Only plain {@code hasRole('X')} and {@code hasAnyRole('X','Y',...)} are read.
 */
public final class PreAuthorizedRoles {

    private static final Pattern HAS_ROLE = Pattern.compile("\\s*hasRole\\(\\s*('[^']*')\\s*\\)\\s*");
    private static final Pattern HAS_ANY_ROLE =
            Pattern.compile("\\s*hasAnyRole\\(\\s*('[^']*'(?:\\s*,\\s*'[^']*')*)\\s*\\)\\s*");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private PreAuthorizedRoles() {
    }

    /** The roles a handler's {@link PreAuthorize} lets in (the method's rule, else its class's); empty when unreadable. */
    public static Optional<List<String>> of(HandlerMethod handlerMethod) {
        PreAuthorize rule = handlerMethod.getMethodAnnotation(PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), PreAuthorize.class);
        }
        return rule == null ? Optional.empty() : roles(rule.value());
    }

    /** The roles of {@code hasRole('X')} or {@code hasAnyRole('X','Y')}, without a {@code ROLE_} prefix; else empty. */
    public static Optional<List<String>> roles(String expression) {
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
