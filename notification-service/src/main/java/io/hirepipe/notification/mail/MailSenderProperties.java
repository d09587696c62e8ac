package io.hirepipe.notification.mail;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param from the From header of every email, e.g. {@code Hirepipe <no-reply@hirepipe.local>} */
@ConfigurationProperties("hirepipe.mail")
@Validated
public record MailSenderProperties(@NotBlank String from) {
}
