package io.hirepipe.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MailViewerTest {

    private static final String SCRIPT_SUBJECT = "<script>alert('subject')</script>";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static SmtpSink sink;
    private static MailViewer viewer;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sink = SmtpSink.start(0, null);
        viewer = MailViewer.start(0, sink);
    }

    @AfterAll
    static void stop() {
        viewer.close();
        sink.close();
    }

    @BeforeEach
    void emptyTheSink() {
        sink.reset();
    }

    @Test
    void listsMessagesNewestFirstWithLinks() throws Exception {
        MailSending.sendText(sink.port(), "ada@example.org", "Older", "1");
        MailSending.sendText(sink.port(), "grace@example.org", "Newer", "2");
        List<ReceivedMail> mails = sink.awaitMessages(2, WAIT);

        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body().indexOf("Newer")).isLessThan(page.body().indexOf("Older"));
        assertThat(page.body())
                .contains("grace@example.org")
                .contains("<a href=\"/messages/" + mails.get(0).id() + "\">Older</a>")
                .contains("<a href=\"/messages/" + mails.get(1).id() + "\">Newer</a>");
    }

    @Test
    void escapesEverythingAMessageControls() throws Exception {
        String html = "<p onclick=\"steal()\">Hi</p><script>alert('body')</script>";
        MailSending.sendTextAndHtml(sink.port(), "\"<img src=x onerror=alert(1)>\" <evil@example.org>",
                "ada@example.org", null, SCRIPT_SUBJECT, "text <b>version</b>", html);
        ReceivedMail mail = sink.awaitMessages(1, WAIT).get(0);

        HttpResponse<String> inbox = get("/");
        HttpResponse<String> message = get("/messages/" + mail.id());

        for (HttpResponse<String> page : List.of(inbox, message)) {
            assertThat(page.body())
                    .doesNotContain("<script>")
                    .doesNotContain("<img")
                    .contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;")
                    .contains("&lt;img src=x onerror=alert(1)&gt;");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'none'").doesNotContain("script-src"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
        // the HTML body is rendered, but only inside a sandboxed frame that runs no scripts
        assertThat(message.body()).contains("<iframe sandbox title=\"HTML body\" srcdoc=\""
                + "&lt;p onclick=&quot;steal()&quot;&gt;Hi&lt;/p&gt;&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;\">");
    }

    @Test
    void showsTheTextBodyWhenThereIsNoHtml() throws Exception {
        MailSending.sendText(sink.port(), "ada@example.org", "Plain", "Line one\n<b>not bold</b>");
        ReceivedMail mail = sink.awaitMessages(1, WAIT).get(0);

        HttpResponse<String> message = get("/messages/" + mail.id());
        HttpResponse<String> raw = get("/messages/" + mail.id() + "/raw");

        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body()).contains("<pre>Line one\n&lt;b&gt;not bold&lt;/b&gt;</pre>").doesNotContain("<iframe");
        assertThat(raw.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(raw.body()).contains("Subject: Plain").contains("To: ada@example.org");
    }

    @Test
    void servesMessagesAsJsonAndClearsThem() throws Exception {
        Instant before = Instant.now();
        MailSending.sendTextAndHtml(sink.port(), "noreply@hirepipe.test", "ada@example.org", null,
                "Scored", "You scored 9/10", "<p>You scored <b>9/10</b></p>");
        MailSending.sendText(sink.port(), "grace@example.org", "Invited", "Welcome");
        sink.awaitMessages(2, WAIT);

        HttpResponse<String> response = get("/api/messages");

        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode list = JsonMapper.builder().build().readTree(response.body());
        assertThat(list.size()).isEqualTo(2);
        JsonNode newest = list.get(0);
        JsonNode oldest = list.get(1);
        assertThat(newest.get("subject").asString()).isEqualTo("Invited");
        assertThat(newest.get("html").isNull()).isTrue();
        assertThat(oldest.get("from").asString()).isEqualTo("noreply@hirepipe.test");
        assertThat(oldest.get("to").get(0).asString()).isEqualTo("ada@example.org");
        assertThat(oldest.get("text").asString()).isEqualTo("You scored 9/10");
        assertThat(oldest.get("html").asString()).isEqualTo("<p>You scored <b>9/10</b></p>");
        assertThat(Instant.parse(oldest.get("receivedAt").asString())).isBetween(before, Instant.now());

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(viewer.url().resolve("/api/messages")).DELETE());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(sink.messages()).isEmpty();
        assertThat(get("/api/messages").body()).isEqualTo("[]");
    }

    @Test
    void answersUnknownPathsAndMethodsPlainly() throws Exception {
        assertThat(get("/messages/999").statusCode()).isEqualTo(404);
        assertThat(get("/messages/..%2F..%2Fetc").statusCode()).isEqualTo(404);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);

        HttpResponse<String> post = send(HttpRequest.newBuilder(viewer.url())
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(viewer.url().resolve(URI.create(path))).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
