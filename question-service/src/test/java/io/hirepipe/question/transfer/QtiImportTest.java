package io.hirepipe.question.transfer;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class QtiImportTest extends IntegrationTestBase {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpApi.Response upload(Caller caller, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/questions/import/qti"))
                .header("Authorization", "Bearer " + tokenFor(caller))
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpApi.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = QtiImportTest.class.getResourceAsStream("/qti/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
            zip.write(("<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"><resources>"
                    + "<resource identifier=\"r\" type=\"imsqti_item_xmlv2p1\" href=\"" + name + "\"/>"
                    + "</resources></manifest>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private JsonNode bank() {
        return api(recruiter).get("/api/questions").expect(200).get("items");
    }

    @Test
    void aSingleChoiceItemBecomesADraftQuestionWithItsKey() {
        JsonNode report = upload(recruiter, "application/xml", resource("single-choice-item.xml")).expect(200);

        assertThat(report.get("created").asInt()).isEqualTo(1);
        String id = report.get("items").get(0).get("id").asString();
        JsonNode question = api(recruiter).get("/api/questions/" + id).expect(200);
        assertThat(question.get("kind").asString()).isEqualTo("SINGLE_CHOICE");
        assertThat(question.get("status").asString()).isEqualTo("DRAFT");
        assertThat(question.get("title").asString()).isEqualTo("Cache-aside on a miss");
        assertThat(question.get("promptMarkdown").asString()).isEqualTo(
                "A service caches user profiles with the cache-aside pattern.\n\n"
                        + "What does the service do when the cache has no entry for a user?");
        assertThat(question.get("options")).hasSize(3);
        assertThat(question.get("correctOptionIds").toString()).isEqualTo("[\"loadThenStore\"]");

        JsonNode again = upload(recruiter, "application/xml", resource("single-choice-item.xml")).expect(200);
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(1);
        assertThat(bank()).hasSize(1);
    }

    @Test
    void aContentPackageImportsSupportedItemsAndReportsTheOthersItemByItem() {
        JsonNode report = upload(recruiter, "application/zip", resource("sample-package.zip")).expect(200);

        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("notImported").asInt()).isEqualTo(1);
        assertThat(report.get("items").valueStream().map(r -> r.get("identifier").asString() + ":"
                + r.get("outcome").asString()).toList()).containsExactlyInAnyOrder(
                "hp-idempotent-methods:CREATED", "hp-backpressure-essay:CREATED", "hp-tls-order:UNSUPPORTED");
        JsonNode unsupported = report.get("items").valueStream()
                .filter(r -> r.get("outcome").asString().equals("UNSUPPORTED")).findFirst().orElseThrow();
        assertThat(unsupported.get("reason").asString()).contains("orderInteraction");
        assertThat(unsupported.get("file").asString()).isEqualTo("items/ordering.xml");

        JsonNode multi = bank().valueStream().filter(q -> q.get("title").asString().equals("Idempotent HTTP methods"))
                .findFirst().orElseThrow();
        assertThat(multi.get("kind").asString()).isEqualTo("MULTI_CHOICE");
        assertThat(multi.get("correctOptionIds").toString()).isEqualTo("[\"put\",\"delete\"]");
        JsonNode essay = bank().valueStream().filter(q -> q.get("kind").asString().equals("FREE_TEXT"))
                .findFirst().orElseThrow();
        assertThat(essay.get("tags").toString()).contains("needs-rubric");
    }

    @Test
    void xxeIsRefusedAndNothingLeaks() {
        HttpApi.Response response = upload(recruiter, "application/xml", resource("xxe-item.xml"));

        JsonNode problem = response.problem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(problem.toString()).contains("DOCTYPE").doesNotContain("root:");
        assertThat(bank()).isEmpty();
    }

    @Test
    void malformedOrForeignXmlIsRefusedNamingTheFile() {
        assertThat(upload(recruiter, "application/xml", "<assessmentItem identifier=".getBytes(StandardCharsets.UTF_8))
                .problem(400).toString()).contains("file");
        assertThat(upload(recruiter, "application/xml", "<html><body/></html>".getBytes(StandardCharsets.UTF_8))
                .problem(400).toString()).contains("assessmentItem");
        assertThat(upload(recruiter, "application/zip", zip("item.xml", "<broken".getBytes(StandardCharsets.UTF_8)))
                .problem(400).toString()).contains("item.xml");
        assertThat(bank()).isEmpty();
    }

    @Test
    void aZipBombIsStoppedAtTheLimit() {
        byte[] zeros = new byte[(int) SafeZip.MAX_ENTRY_BYTES + 1024 * 1024];
        byte[] bomb = zip("items/bomb.xml", zeros);
        assertThat(bomb.length).as("small on the wire").isLessThan(100_000);

        JsonNode problem = upload(recruiter, "application/zip", bomb).problem(400);

        assertThat(problem.toString()).contains("inflates beyond the limit");
        assertThat(bank()).isEmpty();
    }

    @Test
    void aPathTraversalEntryRefusesThePackage() {
        byte[] traversal = zip("../../etc/item.xml", resource("single-choice-item.xml"));

        JsonNode problem = upload(recruiter, "application/zip", traversal).problem(400);

        assertThat(problem.toString()).contains("outside the package");
        assertThat(bank()).isEmpty();
    }
}
