package io.hirepipe.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a {@code @SpringBootTest} class (or a superclass, or an annotation of your own) to have the listed
 * infrastructure started, once per JVM, and the application pointed at it:
 *
 * <pre>{@code
 * @SpringBootTest
 * @UsesInfrastructure({Infra.MONGO, Infra.KAFKA})
 * class InvitationFlowIT { ... }
 * }</pre>
 *
 * <ul>
 *   <li>KAFKA: {@code spring.kafka.bootstrap-servers}</li>
 *   <li>MONGO: {@code spring.mongodb.uri} and {@code spring.mongodb.database}, a fresh database per application context</li>
 *   <li>REDIS: {@code spring.data.redis.host}, {@code spring.data.redis.port}</li>
 *   <li>SMTP: {@code spring.mail.host}, {@code spring.mail.port}; read the mail with {@link TestInfrastructure#smtp()}</li>
 *   <li>always: {@code hirepipe.security.internal-token.secret} = {@link TestInfrastructure#INTERNAL_TOKEN_SECRET}
 *   and {@code hirepipe.security.internal-token.jwk-set-uri} = {@link TestGatewayKeys#jwkSetUri()}</li>
 * </ul>
 * These properties take precedence over application properties and {@code @SpringBootTest(properties = ...)},
 * like {@code @DynamicPropertySource} ones.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UsesInfrastructure {

    Infra[] value();

    /**
     * {@link InfrastructureMode#AUTO} (the default) follows the {@value TestInfrastructure#MODE_PROPERTY} setting.
     * Any other value forces that mode for this test class, whatever the setting says.
     */
    InfrastructureMode mode() default InfrastructureMode.AUTO;
}
