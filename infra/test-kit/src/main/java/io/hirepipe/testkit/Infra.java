package io.hirepipe.testkit;

/** The kinds of infrastructure a test can ask for with {@link UsesInfrastructure}. */
public enum Infra {
    KAFKA,
    MONGO,
    REDIS,
    /** Always the embedded GreenMail {@link io.hirepipe.embedded.SmtpSink}, with or without Docker. */
    SMTP
}
