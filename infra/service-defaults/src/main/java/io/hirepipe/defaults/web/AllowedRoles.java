package io.hirepipe.defaults.web;

import io.hirepipe.defaults.security.PreAuthorizedRoles;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Names in {@code x-roles} the roles an operation's {@link PreAuthorize} lets in (["ADMIN"], ["VIEWER","PLATFORM"]), so
 * the gateway's public document can say who may call it and leave out what only services may. Read from the same
 * annotation method security enforces ({@link PreAuthorizedRoles}), so the two cannot drift; an expression it cannot
 * read leaves the operation unmarked rather than half described.
 */
public class AllowedRoles implements OperationCustomizer {

    public static final String EXTENSION = "x-roles";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        PreAuthorizedRoles.of(handlerMethod).ifPresent(roles -> operation.addExtension(EXTENSION, roles));
        return operation;
    }
}
