package io.hirepipe.defaults.security;

import java.util.List;
import java.util.Optional;

/**
 * What a 403 tells the caller it lacks, from the roles the operation lets in (its {@code @PreAuthorize}): "Your
 * credentials do not allow this operation" leaves a recruiter guessing whom to ask, and an integrator whether a
 * better key would help.
 */
public final class ForbiddenDetail {

    static final String GENERIC = "Your credentials do not allow this operation.";

    private ForbiddenDetail() {
    }

    /**
     * @param allowedRoles the operation's roles, empty when its rule could not be read
     * @param caller       who was refused, null when unknown
     */
    public static String of(Optional<List<String>> allowedRoles, Caller caller) {
        if (allowedRoles.isEmpty() || caller == null) {
            return GENERIC;
        }
        List<String> roles = allowedRoles.get();
        Optional<Role> lowestPersonRole = Role.leastOf(roles);
        return switch (caller.kind()) {
            case RECRUITER -> lowestPersonRole
                    .map(role -> "This operation needs the " + role + " role" + (role == Role.ADMIN ? "" : " or a higher one")
                            + "; ask an administrator of your organisation.")
                    .orElse("Signed-in users cannot call this operation.");
            case PLATFORM -> roles.contains(CallerKind.PLATFORM.name()) ? GENERIC : "API keys cannot call this operation"
                    + lowestPersonRole.map(role -> "; a signed-in user with the " + role + " role can.").orElse(".");
            case CANDIDATE -> "A candidate's session cannot call this operation.";
            case SERVICE -> GENERIC;
        };
    }
}
