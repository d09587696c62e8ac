package io.hirepipe.localstack;

/** What a person needs after start-up: where to go, how to sign in, where mail and logs are. */
final class Banner {

    private Banner() {
    }

    static String of(LocalStack stack) {
        return of(stack, java.util.List.of());
    }

    /** @param extraLines lines for optional parts (Prometheus), shown after the data and logs line */
    static String of(LocalStack stack, java.util.List<String> extraLines) {
        StackConfig config = stack.config();
        StackConfig.Ports p = config.ports();
        String gateway = stack.gatewayUrl().toString();
        StringBuilder text = new StringBuilder()
                .append(System.lineSeparator())
                .append("Hirepipe is running.").append(System.lineSeparator())
                .append(System.lineSeparator())
                .append("  Gateway (the API)   ").append(gateway).append(System.lineSeparator());
        DemoAccess demo = stack.demo();
        if (demo != null) {
            text.append("  Recruiter login     ").append(demo.recruiterEmail()).append(" / ")
                    .append(demo.recruiterPassword()).append("   (tenant '").append(demo.tenantId()).append("')")
                    .append(System.lineSeparator())
                    .append("                      curl -s -X POST ").append(gateway)
                    .append("/api/v1/auth/login -H 'Content-Type: application/json' -d '{\"email\":\"")
                    .append(demo.recruiterEmail()).append("\",\"password\":\"").append(demo.recruiterPassword())
                    .append("\"}'").append(System.lineSeparator())
                    .append("  API key             ").append(demo.apiKey()).append("   (header X-Api-Key)")
                    .append(System.lineSeparator())
                    .append("  Demo test id        ").append(demo.demoTestId()).append(System.lineSeparator());
            if (stack.demoCandidateLink() != null) {
                text.append("  Take the demo test  ").append(stack.demoCandidateLink()).append(System.lineSeparator())
                        .append("                      (a new candidate link at every start; the recruiter's report")
                        .append(" arrives in the mail viewer)").append(System.lineSeparator());
            }
        }
        text.append("  Mail (SMTP sink)    ").append(stack.mailViewerUrl()).append("   (.eml files in ")
                .append(config.mailDir()).append(")").append(System.lineSeparator())
                .append("  Services            question :").append(p.question()).append("  assessment :")
                .append(p.assessment()).append("  scoring :").append(p.scoring()).append("  notification :")
                .append(p.notification())
                .append(config.instances() > 1 ? "   (×" + config.instances() + ": also on ports +"
                        + StackConfig.INSTANCE_PORT_STEP + ", balanced by the gateway)" : "")
                .append(System.lineSeparator())
                .append("  Infrastructure      Kafka 127.0.0.1:").append(p.kafka()).append("  MongoDB 127.0.0.1:")
                .append(p.mongo()).append("  Redis 127.0.0.1:").append(p.redis()).append("  SMTP 127.0.0.1:")
                .append(p.smtp()).append(System.lineSeparator())
                .append("  Data and logs       ").append(config.dataDir()).append(System.lineSeparator());
        if (config.controlPort() != 0) {
            text.append("  Fault control       http://127.0.0.1:").append(config.controlPort())
                    .append("   (loopback only: POST /kafka/stop, /services/<name>/kill, …)").append(System.lineSeparator());
        }
        extraLines.forEach(line -> text.append("  ").append(line).append(System.lineSeparator()));
        text.append(System.lineSeparator())
                .append("Press Ctrl-C to stop.").append(System.lineSeparator());
        return text.toString();
    }
}
