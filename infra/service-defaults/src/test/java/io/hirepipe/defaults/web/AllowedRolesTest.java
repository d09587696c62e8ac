package io.hirepipe.defaults.web;

import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedRolesTest {

    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('ADMIN')")
    @interface AdminsOnly {
    }

    @PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
    static class QuestionsController {

        void create() {
        }

        @PreAuthorize("hasAnyRole('VIEWER','PLATFORM','SERVICE')")
        void list() {
        }

        @PreAuthorize("hasRole('SERVICE')")
        void delivery() {
        }

        @AdminsOnly
        void settings() {
        }

        @PreAuthorize("hasRole('ADMIN') and #id == principal.tenantId")
        void custom() {
        }
    }

    static class OpenController {

        void health() {
        }
    }

    @Test
    void theMethodsRuleWinsOverItsClassesAndAnOperationWithoutOneIsUnmarked() throws Exception {
        assertThat(rolesOf(QuestionsController.class, "create")).isEqualTo(List.of("RECRUITER", "PLATFORM"));
        assertThat(rolesOf(QuestionsController.class, "list")).isEqualTo(List.of("VIEWER", "PLATFORM", "SERVICE"));
        assertThat(rolesOf(QuestionsController.class, "delivery")).isEqualTo(List.of("SERVICE"));
        assertThat(rolesOf(QuestionsController.class, "settings")).as("a composed annotation").isEqualTo(List.of("ADMIN"));
        assertThat(rolesOf(QuestionsController.class, "custom")).as("not its class's roles either").isNull();
        assertThat(rolesOf(OpenController.class, "health")).isNull();
    }

    private static Object rolesOf(Class<?> controller, String method) throws Exception {
        Object bean = controller.getDeclaredConstructor().newInstance();
        Operation operation = new AllowedRoles().customize(new Operation(),
                new HandlerMethod(bean, controller.getDeclaredMethod(method)));
        return operation.getExtensions() == null ? null : operation.getExtensions().get(AllowedRoles.EXTENSION);
    }
}
