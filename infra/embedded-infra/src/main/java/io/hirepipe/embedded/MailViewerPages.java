package io.hirepipe.embedded;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The mail viewer's HTML. Everything that comes from a message (addresses, subject, bodies) is user-controlled
 * and goes through {@link Html#escape}; an HTML body is shown in a sandboxed iframe without scripts.
 */
final class MailViewerPages {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
            th{background:#f4f4f4}
            pre{white-space:pre-wrap;background:#f8f8f8;padding:1rem;border:1px solid #ddd}
            iframe{width:100%;height:70vh;border:1px solid #ddd}
            .muted{color:#777}
            """;

    private MailViewerPages() {
    }

    static String inbox(List<ReceivedMail> newestFirst, int smtpPort, int httpPort) {
        StringBuilder rows = new StringBuilder();
        for (ReceivedMail mail : newestFirst) {
            rows.append("<tr><td>").append(Html.escape(TIME.format(mail.receivedAt())))
                    .append("</td><td>").append(Html.escape(String.join(", ", mail.to())))
                    .append("</td><td><a href=\"/messages/").append(Html.escape(mail.id())).append("\">")
                    .append(mail.subject().isBlank() ? "(no subject)" : Html.escape(mail.subject()))
                    .append("</a></td><td>").append(Html.escape(mail.from())).append("</td></tr>\n");
        }
        String body = newestFirst.isEmpty()
                ? "<p class=\"muted\">No mail yet. Mail sent to SMTP 127.0.0.1:" + smtpPort + " shows up here.</p>"
                : "<table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>From</th></tr></thead><tbody>\n"
                        + rows + "</tbody></table>";
        return page("Mail (" + newestFirst.size() + ")",
                // new mail appears without a manual reload; the page holds no state to lose
                "<meta http-equiv=\"refresh\" content=\"5\">",
                "<h1>Mail <span class=\"muted\">(" + newestFirst.size() + ")</span></h1>\n" + body
                        + "\n<p class=\"muted\">JSON: <a href=\"/api/messages\">/api/messages</a>."
                        + " Clear: <code>curl -X DELETE http://127.0.0.1:" + httpPort + "/api/messages</code></p>");
    }

    static String message(ReceivedMail mail) {
        String subject = mail.subject().isBlank() ? "(no subject)" : mail.subject();
        String content;
        if (mail.hasHtmlBody()) {
            // srcdoc keeps the body out of this page's DOM; sandbox without allow-scripts means its scripts never run
            content = "<iframe sandbox title=\"HTML body\" srcdoc=\"" + Html.escape(mail.htmlBody()) + "\"></iframe>";
        } else if (mail.textBody() != null) {
            content = "<pre>" + Html.escape(mail.textBody()) + "</pre>";
        } else {
            content = "<p class=\"muted\">(no text or HTML body)</p>";
        }
        return page(subject, "",
                "<p><a href=\"/\">&larr; all mail</a></p>\n"
                        + "<h1>" + Html.escape(subject) + "</h1>\n<table>"
                        + headerRow("From", mail.from())
                        + headerRow("To", String.join(", ", mail.to()))
                        + headerRow("Received", TIME.format(mail.receivedAt()))
                        + "</table>\n" + content
                        + "\n<p><a href=\"/messages/" + Html.escape(mail.id()) + "/raw\">raw message</a></p>");
    }

    private static String headerRow(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + Html.escape(value) + "</td></tr>";
    }

    private static String page(String title, String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + head
                + "<title>" + Html.escape(title) + "</title><style>" + STYLE + "</style></head>\n<body>\n"
                + body + "\n</body></html>\n";
    }
}
