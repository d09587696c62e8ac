package io.hirepipe.defaults.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ForbiddenDetailTest {

    private static final Caller VIEWER = Caller.user("t", "u-1", "vic@example.com", Role.VIEWER);
    private static final Caller KEY = Caller.platform("t", "key-1");

    @Test
    void aPersonIsToldTheLeastRoleTheOperationNeeds() {
        assertThat(ForbiddenDetail.of(Optional.of(List.of("ADMIN")), VIEWER))
                .isEqualTo("This operation needs the ADMIN role; ask an administrator of your organisation.");
        assertThat(ForbiddenDetail.of(Optional.of(List.of("ADMIN", "RECRUITER", "PLATFORM")), VIEWER))
                .isEqualTo("This operation needs the RECRUITER role or a higher one; ask an administrator of your "
                        + "organisation.");
        assertThat(ForbiddenDetail.of(Optional.of(List.of("SERVICE")), VIEWER))
                .isEqualTo("Signed-in users cannot call this operation.");
    }

    @Test
    void anApiKeyIsToldWhenOnlyAPersonMayCall() {
        assertThat(ForbiddenDetail.of(Optional.of(List.of("ADMIN")), KEY))
                .isEqualTo("API keys cannot call this operation; a signed-in user with the ADMIN role can.");
        assertThat(ForbiddenDetail.of(Optional.of(List.of("CANDIDATE")), KEY)).isEqualTo("API keys cannot call this operation.");
        // a key the operation lets in was refused for something else (its scope is the gateway's to name)
        assertThat(ForbiddenDetail.of(Optional.of(List.of("VIEWER", "PLATFORM")), KEY)).isEqualTo(ForbiddenDetail.GENERIC);
    }

    @Test
    void aCandidateAndAnUnreadableRuleGetNoRoleNames() {
        assertThat(ForbiddenDetail.of(Optional.of(List.of("ADMIN")), Caller.candidate("t", "inv-1")))
                .isEqualTo("A candidate's session cannot call this operation.");
        assertThat(ForbiddenDetail.of(Optional.empty(), VIEWER)).isEqualTo(ForbiddenDetail.GENERIC);
        assertThat(ForbiddenDetail.of(Optional.of(List.of("ADMIN")), null)).isEqualTo(ForbiddenDetail.GENERIC);
    }
}
