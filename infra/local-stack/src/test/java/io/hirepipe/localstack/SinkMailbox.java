package io.hirepipe.localstack;

import io.hirepipe.testkit.HttpApi;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;


/** The stack's SMTP sink as the end-to-end tests read it: through the mail viewer's HTTP API, like a person would. */
final class SinkMailbox {

    private static final Pattern LINK = Pattern.compile("(http://[^\"\\s<>]+/take#token=([A-Za-z0-9_-]+))");
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final HttpApi viewer;

    SinkMailbox(LocalStack stack) {
        this.viewer = HttpApi.at(stack.mailViewerUrl().toString());
    }

    /** Waits for a mail to {@code recipient} whose subject contains {@code subjectContains}. */
    JsonNode mailTo(String recipient, String subjectContains) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode messages = viewer.get("/api/messages").expect(200);
            for (JsonNode message : messages) {
                if (message.get("to").toString().contains(recipient)
                        && message.get("subject").asString().contains(subjectContains)) {
                    found[0] = message;
                    return;
                }
            }
            throw new AssertionError("no mail to " + recipient + " about '" + subjectContains + "' yet; mail: "
                    + messages);
        });
        return found[0];
    }

    /** A mail's whole source, headers included, as a mail program reads it. */
    String raw(JsonNode mail) {
        return viewer.get("/messages/" + mail.get("id").asString() + "/raw").body();
    }

    /** The candidate's emailed link, as they would click it. */
    String candidateLink(String recipient, String subjectContains) {
        return linkIn(recipient, subjectContains).group(1);
    }

    /** The invitation token in the candidate's emailed link. */
    String invitationToken(String recipient, String subjectContains) {
        return linkIn(recipient, subjectContains).group(2);
    }

    private Matcher linkIn(String recipient, String subjectContains) {
        JsonNode mail = mailTo(recipient, subjectContains);
        Matcher link = LINK.matcher(mail.path("html").asString("") + mail.path("text").asString(""));
        if (!link.find()) {
            throw new AssertionError("the mail to " + recipient + " carries no candidate link: " + mail);
        }
        return link;
    }
}
