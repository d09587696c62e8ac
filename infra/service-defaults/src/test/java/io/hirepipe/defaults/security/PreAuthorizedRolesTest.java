package io.hirepipe.defaults.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreAuthorizedRolesTest {

    @Test
    void hasRoleAndHasAnyRoleNameTheirRoles() {
        assertThat(PreAuthorizedRoles.roles("hasRole('ADMIN')")).contains(List.of("ADMIN"));
        assertThat(PreAuthorizedRoles.roles("hasAnyRole('VIEWER','PLATFORM')")).contains(List.of("VIEWER", "PLATFORM"));
        assertThat(PreAuthorizedRoles.roles(" hasAnyRole( 'VIEWER' , 'PLATFORM', 'SERVICE' ) "))
                .contains(List.of("VIEWER", "PLATFORM", "SERVICE"));
        assertThat(PreAuthorizedRoles.roles("hasRole('ROLE_ADMIN')")).as("Spring's prefix is not part of the role")
                .contains(List.of("ADMIN"));
    }

    @Test
    void anyOtherExpressionIsNotRead() {
        assertThat(PreAuthorizedRoles.roles("hasRole('ADMIN') or hasRole('PLATFORM')")).isEmpty();
        assertThat(PreAuthorizedRoles.roles("hasRole('ADMIN') and #id == principal.tenantId")).isEmpty();
        assertThat(PreAuthorizedRoles.roles("hasRole('ADMIN','PLATFORM')")).isEmpty();
        assertThat(PreAuthorizedRoles.roles("hasAuthority('SCOPE_x')")).isEmpty();
        assertThat(PreAuthorizedRoles.roles("!hasRole('ADMIN')")).isEmpty();
        assertThat(PreAuthorizedRoles.roles("hasRole(#role)")).isEmpty();
        assertThat(PreAuthorizedRoles.roles("permitAll()")).isEmpty();
        assertThat(PreAuthorizedRoles.roles("hasAnyRole()")).isEmpty();
    }
}
