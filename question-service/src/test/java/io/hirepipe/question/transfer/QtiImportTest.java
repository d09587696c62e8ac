package io.hirepipe.question.transfer;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.hirepipe.question.support.Questions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
        assertThat(essay.get("needsRubric").asBoolean()).isTrue();
        assertThat(essay.get("rubric").isNull()).as("no placeholder rubric").isTrue();
        JsonNode essayRow = report.get("items").valueStream()
                .filter(r -> r.get("identifier").asString().equals("hp-backpressure-essay")).findFirst().orElseThrow();
        assertThat(essayRow.get("reason").asString()).contains("needs a rubric");
    }

    private byte[] download(Caller caller, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + tokenFor(caller)).GET().build();
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a question says, without what the tenant assigns (id, dates, status, author). */
    private static Map<String, String> content(JsonNode question) {
        Map<String, String> content = new HashMap<>();
        for (String field : List.of("kind", "title", "promptMarkdown", "options", "correctOptionIds", "rubric", "points",
                "tags", "choiceScoring", "category", "difficulty", "suggestedTimeSeconds", "whyWeAsk")) {
            content.put(field, question.path(field).toString());
        }
        return content;
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void aFreeTextItemExportedAsQtiImportsIntoAnotherTenantWithTheSameRubric() throws IOException {
        Map<String, Object> essay = Questions.freeText("SQL or NoSQL");
        essay.put("rubric", Map.of(
                "keyPoints", List.of(
                        Map.of("id", "structure", "description", "Relational versus unstructured data & <joins>",
                                "phrases", List.of("relational", "schema"), "points", 3,
                                "examples", List.of("Orders with customers fit tables and joins.")),
                        Map.of("id", "acid", "phrases", List.of("ACID", "transactions"), "points", 2)),
                "misconceptions", List.of(Map.of("id", "nosql-faster", "description", "NoSQL is always faster",
                        "phrases", List.of("always faster"), "points", 1))));
        essay.put("category", "databases");
        essay.put("difficulty", 3);
        essay.put("suggestedTimeSeconds", 300);
        essay.put("whyWeAsk", "Trade-offs over dogma.");
        essay.put("tags", List.of("databases", "modelling"));
        JsonNode written = createPublishedQuestion(recruiter, essay);
        Map<String, Object> multi = Questions.multiChoice("Protecting an API");
        multi.put("points", 4);
        multi.put("choiceScoring", "PARTIAL");
        multi.put("category", "security");
        multi.put("difficulty", 2);
        JsonNode writtenChoice = createPublishedQuestion(recruiter, multi);
        String choiceId = writtenChoice.get("id").asString();

        byte[] zip = download(recruiter, "/api/questions/export/qti?ids=" + written.get("id").asString() + "," + choiceId);
        Map<String, String> files = entries(zip);
        assertThat(files).containsKeys("imsmanifest.xml", "items/" + written.get("id").asString() + ".xml");
        assertThat(files.get("items/" + written.get("id").asString() + ".xml"))
                .contains("extendedTextInteraction", "rubricBlock", "view=\"scorer\"");

        Caller other = Caller.recruiter(newTenant(), "user-2", "other@example.com");
        JsonNode report = upload(other, "application/zip", zip).expect(200);

        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("notImported").asInt()).isZero();
        String importedId = report.get("items").valueStream()
                .filter(r -> r.get("identifier").asString().equals(written.get("id").asString()))
                .findFirst().orElseThrow().get("id").asString();
        JsonNode imported = api(other).get("/api/questions/" + importedId).expect(200);
        assertThat(imported.get("rubric")).isEqualTo(written.get("rubric"));
        assertThat(content(imported)).isEqualTo(content(written));
        assertThat(imported.get("points").asInt()).isEqualTo(5);
        assertThat(imported.get("needsRubric").asBoolean()).isFalse();
        assertThat(imported.get("prompt").asString()).isEqualTo(written.get("prompt").asString());
        assertThat(imported.get("status").asString()).isEqualTo("DRAFT");
        api(other).post("/api/questions/" + importedId + "/publish", null).expect(200);

        JsonNode choice = api(other).get("/api/questions?kind=MULTI_CHOICE").expect(200).get("items").get(0);
        assertThat(content(choice)).isEqualTo(content(writtenChoice));
        // the exporting tenant's ids mean nothing elsewhere: another tenant exports nothing of them
        assertThat(entries(download(other, "/api/questions/export/qti?ids=" + choiceId))).containsOnlyKeys("imsmanifest.xml");
    }

    @Test
    void aDraftImportedWithoutRubricCannotBePublishedUntilOneIsWritten() {
        JsonNode report = upload(recruiter, "application/xml", resource("package/items/extended-text.xml")).expect(200);
        String id = report.get("items").get(0).get("id").asString();

        JsonNode problem = api(recruiter).post("/api/questions/" + id + "/publish", null).problem(422);
        assertThat(problem.get("field").asString()).isEqualTo("rubric");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("rubric");
        JsonNode draft = api(recruiter).get("/api/questions/" + id).expect(200);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("points").asInt()).isZero();
        assertThat(draft.get("publishedVersion").isNull()).isTrue();

        Map<String, Object> withRubric = Questions.with(Questions.freeText(draft.get("title").asString()), "prompt",
                draft.get("prompt").asString());
        api(recruiter).put("/api/questions/" + id, withRubric).expect(200);
        JsonNode published = api(recruiter).post("/api/questions/" + id + "/publish", null).expect(200);
        assertThat(published.get("needsRubric").asBoolean()).isFalse();
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
    }

    private static byte[] essayWithRubric(String rubric) {
        return ("<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" xmlns:hp=\"" + QtiRubric.NAMESPACE
                + "\" identifier=\"essay-1\" title=\"Essay\"><itemBody><rubricBlock view=\"scorer\">" + rubric
                + "</rubricBlock><p>Explain back-pressure.</p><extendedTextInteraction responseIdentifier=\"RESPONSE\"/>"
                + "</itemBody></assessmentItem>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHirepipeRubricThatIsBrokenRefusesItsItemNamingTheField() {
        JsonNode notANumber = upload(recruiter, "application/xml", essayWithRubric(
                "<hp:rubric><hp:keyPoint id=\"k\" points=\"lots\"><hp:phrase>queue</hp:phrase></hp:keyPoint></hp:rubric>"))
                .expect(200);
        assertThat(notANumber.get("items").get(0).get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(notANumber.get("items").get(0).get("reason").asString()).contains("rubric.keyPoints[0].points");

        JsonNode noKeyPoints = upload(recruiter, "application/xml", essayWithRubric("<hp:rubric/>")).expect(200);
        assertThat(noKeyPoints.get("items").get(0).get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(noKeyPoints.get("items").get(0).get("reason").asString()).contains("rubric");

        JsonNode twoRubrics = upload(recruiter, "application/xml", essayWithRubric(
                "<hp:rubric/><hp:rubric/>")).expect(200);
        assertThat(twoRubrics.get("items").get(0).get("outcome").asString()).isEqualTo("REFUSED");

        JsonNode badDifficulty = upload(recruiter, "application/xml", essayWithRubric(
                "<hp:metadata difficulty=\"hard\"/>")).expect(200);
        assertThat(badDifficulty.get("items").get(0).get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(badDifficulty.get("items").get(0).get("reason").asString()).contains("difficulty");
        JsonNode outOfRange = upload(recruiter, "application/xml", essayWithRubric(
                "<hp:metadata difficulty=\"9\"/>")).expect(200);
        assertThat(outOfRange.get("items").get(0).get("reason").asString()).contains("difficulty");
        assertThat(bank()).isEmpty();
    }

    @Test
    void exportingNamesItsBadParameter() {
        assertThat(api(recruiter).get("/api/questions/export/qti?ids=,,").problem(400).toString()).contains("ids");
        api(Caller.candidate(tenant, "inv-1")).get("/api/questions/export/qti").problem(403);
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
    void anUploadSentAsZipThatIsNoZipIsRefusedAsSuch() {
        JsonNode problem = upload(recruiter, "application/zip", "notazip".getBytes(StandardCharsets.UTF_8))
                .problem(400, "invalid-request");

        assertThat(problem.get("detail").asString())
                .isEqualTo("file: the upload is not a ZIP archive (a QTI content package)");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(problem.toString()).doesNotContain("prolog");
        assertThat(bank()).isEmpty();
    }

    @Test
    void anEmptyZipIsRefusedAsEmpty() {
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(empty)) {
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        for (String contentType : List.of("application/zip", "application/octet-stream")) {
            JsonNode problem = upload(recruiter, contentType, empty.toByteArray()).problem(400, "invalid-request");
            assertThat(problem.get("detail").asString()).as(contentType).contains("the ZIP archive is empty");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
        }
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
    void anUploadOverTheBodyLimitIsRefusedBeforeItIsParsed() {
        String padding = "<p>" + "x".repeat(1000) + "</p>";
        byte[] huge = ("<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"big\" title=\"Big\">"
                + "<itemBody>" + padding.repeat(1100) + "<extendedTextInteraction responseIdentifier=\"R\"/></itemBody>"
                + "</assessmentItem>").getBytes(StandardCharsets.UTF_8);

        upload(recruiter, "application/xml", huge).problem(413);

        assertThat(bank()).isEmpty();
    }

    @Test
    void aPathTraversalEntryRefusesThePackage() {
        byte[] traversal = zip("../../etc/item.xml", resource("single-choice-item.xml"));

        JsonNode problem = upload(recruiter, "application/zip", traversal).problem(400);

        assertThat(problem.toString()).contains("outside the package");
        assertThat(bank()).isEmpty();
    }

    @Test
    void aMarkdownPromptWithCodeListsAndAnyCharactersSurvivesTheQtiRoundTripAndGoesOutAsQtiXhtml() throws IOException {
        String prompt = "Was druckt das? ¿Qué imprime? 日本語 🚀\n\n```java\nint x = 1;\n\nSystem.out.println(x);\n```\n\n"
                + "- first\n- second\n\nUse `code` and *emphasis* <u>here</u>.";
        Map<String, Object> body = Questions.with(Questions.singleChoice("Ünïcödé — 日本語"), "prompt", prompt);
        // a control character XML 1.0 cannot carry, pasted from a terminal
        body.put("options", List.of(Map.of("id", "a", "text", "One\u0007 & <two>"), Map.of("id", "b", "text", "Two")));
        body.put("correctOptionIds", List.of("a"));
        String id = createQuestion(recruiter, body).get("id").asString();

        byte[] zip = download(recruiter, "/api/questions/export/qti?ids=" + id);

        String item = entries(zip).get("items/" + id + ".xml");
        assertThat(item).as("other tools see the prompt rendered")
                .contains("<pre><code class=\"language-java\">int x = 1;\n\nSystem.out.println(x);\n</code></pre>",
                        "<li>first</li>", "<em>emphasis</em>", "<code>code</code>")
                .doesNotContain("<u>", "&#7;", "<p>- first");
        Caller other = Caller.recruiter(newTenant(), "user-2", "other@example.com");
        JsonNode report = upload(other, "application/zip", zip).expect(200);
        assertThat(report.get("created").asInt()).isEqualTo(1);
        JsonNode imported = api(other).get("/api/questions/" + report.get("items").get(0).get("id").asString()).expect(200);
        assertThat(imported.get("promptMarkdown").asString()).isEqualTo(prompt);
        assertThat(imported.get("title").asString()).isEqualTo("Ünïcödé — 日本語");
        assertThat(imported.get("options").get(0).get("text").asString()).isEqualTo("One & <two>");
    }

    @Test
    void optionIdsQtiCannotCarryGoOutAsQtiIdentifiersAndComeBackAsWritten() throws IOException {
        Map<String, Object> body = Questions.multiChoice("Which are HTTP methods?");
        // "1" and "opt two" are not XML names; "opt_1" is, and is taken, so the first renamed one must not become it
        body.put("options", List.of(Map.of("id", "1", "text", "GET"), Map.of("id", "opt two", "text", "FETCH"),
                Map.of("id", "opt_1", "text", "POST"), Map.of("id", "b", "text", "SEND")));
        body.put("correctOptionIds", List.of("1", "opt_1"));
        String id = createQuestion(recruiter, body).get("id").asString();

        String item = entries(download(recruiter, "/api/questions/export/qti?ids=" + id)).get("items/" + id + ".xml");

        java.util.regex.Matcher identifiers = java.util.regex.Pattern.compile("<simpleChoice identifier=\"([^\"]*)\"")
                .matcher(item);
        List<String> exported = new java.util.ArrayList<>();
        while (identifiers.find()) {
            exported.add(identifiers.group(1));
        }
        assertThat(exported).as("every choice's identifier is an XML name, and they stay distinct")
                .hasSize(4).doesNotHaveDuplicates().allMatch(i -> i.matches("[A-Za-z_][A-Za-z0-9_.-]*"))
                .contains("opt_1", "b");
        assertThat(item).as("the correct response names the exported identifiers")
                .contains("<value>" + exported.get(0) + "</value>", "<value>opt_1</value>");

        Caller other = Caller.recruiter(newTenant(), "user-2", "other@example.com");
        JsonNode report = upload(other, "application/zip",
                download(recruiter, "/api/questions/export/qti?ids=" + id)).expect(200);
        JsonNode imported = api(other).get("/api/questions/" + report.get("items").get(0).get("id").asString()).expect(200);
        assertThat(imported.get("options").valueStream().map(o -> o.get("id").asString() + "=" + o.get("text").asString()))
                .containsExactly("1=GET", "opt two=FETCH", "opt_1=POST", "b=SEND");
        assertThat(imported.get("correctOptionIds").valueStream().map(JsonNode::asString)).containsExactly("1", "opt_1");
    }

    @Test
    void anotherToolsItemKeepsItsCodeLinesAndListItemsApart() {
        String item = "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"pre-1\" title=\"Loop\" "
                + "adaptive=\"false\" timeDependent=\"false\"><responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" "
                + "baseType=\"string\"/><itemBody><p>What does this print?</p><pre>for i in range(3):\n    print(i)\n</pre>"
                + "<ol><li>Say what it prints,</li><li>then why.</li></ol>"
                + "<extendedTextInteraction responseIdentifier=\"RESPONSE\"/></itemBody></assessmentItem>";

        JsonNode report = upload(recruiter, "application/xml", item.getBytes(StandardCharsets.UTF_8)).expect(200);

        JsonNode imported = api(recruiter).get("/api/questions/" + report.get("items").get(0).get("id").asString())
                .expect(200);
        assertThat(imported.get("promptMarkdown").asString()).isEqualTo("What does this print?\n\n"
                + "```\nfor i in range(3):\n    print(i)\n```\n\n1. Say what it prints,\n2. then why.");
        assertThat(imported.get("promptHtml").asString()).contains("<pre><code>for i in range(3):\n    print(i)\n</code></pre>",
                "<li>then why.</li>");
    }

    private static byte[] zipOf(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A QTI 3.0 package as the spec's examples write one: kebab-case qti- names, its own namespaces. */
    @Test
    void aQti3PackageImportsItsChoiceAndEssayItems() {
        String manifest = "<manifest xmlns=\"http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1\" identifier=\"pkg-1\">"
                + "<metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata><organizations/>"
                + "<resources>"
                + "<resource identifier=\"capitals\" type=\"imsqti_item_xmlv3p0\" href=\"items/capitals.xml\">"
                + "<file href=\"items/capitals.xml\"/></resource>"
                + "<resource identifier=\"essay\" type=\"imsqti_item_xmlv3p0\" href=\"items/why%20queues.xml\">"
                + "<file href=\"items/why%20queues.xml\"/></resource>"
                + "</resources></manifest>";
        String choice = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<qti-assessment-item xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\" identifier=\"capitals\" "
                + "title=\"Capitals\" adaptive=\"false\" time-dependent=\"false\">"
                + "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"multiple\" base-type=\"identifier\">"
                + "<qti-correct-response><qti-value>paris</qti-value><qti-value>rome</qti-value></qti-correct-response>"
                + "</qti-response-declaration>"
                + "<qti-outcome-declaration identifier=\"SCORE\" cardinality=\"single\" base-type=\"float\"/>"
                + "<qti-item-body><p>Europe's capitals.</p><qti-choice-interaction response-identifier=\"RESPONSE\" max-choices=\"0\">"
                + "<qti-prompt>Which of these are capitals?</qti-prompt>"
                + "<qti-simple-choice identifier=\"paris\">Paris</qti-simple-choice>"
                + "<qti-simple-choice identifier=\"lyon\">Lyon</qti-simple-choice>"
                + "<qti-simple-choice identifier=\"rome\">Rome</qti-simple-choice></qti-choice-interaction></qti-item-body>"
                + "<qti-response-processing template=\"https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml\"/>"
                + "</qti-assessment-item>";
        String essay = "<qti-assessment-item xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\" identifier=\"essay\" "
                + "title=\"Why queues\" adaptive=\"false\" time-dependent=\"false\">"
                + "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\" base-type=\"string\"/>"
                + "<qti-item-body><qti-extended-text-interaction response-identifier=\"RESPONSE\">"
                + "<qti-prompt>Why put a queue between two services?</qti-prompt></qti-extended-text-interaction>"
                + "</qti-item-body></qti-assessment-item>";

        JsonNode report = upload(recruiter, "application/zip", zipOf(Map.of("imsmanifest.xml", manifest,
                "items/capitals.xml", choice, "items/why queues.xml", essay))).expect(200);

        assertThat(report.get("created").asInt()).isEqualTo(2);
        JsonNode multi = api(recruiter).get("/api/questions?kind=MULTI_CHOICE").expect(200).get("items").get(0);
        assertThat(multi.get("title").asString()).isEqualTo("Capitals");
        assertThat(multi.get("promptMarkdown").asString()).isEqualTo("Europe's capitals.\n\nWhich of these are capitals?");
        assertThat(multi.get("options").valueStream().map(o -> o.get("id").asString() + "=" + o.get("text").asString()))
                .containsExactly("paris=Paris", "lyon=Lyon", "rome=Rome");
        assertThat(multi.get("correctOptionIds").toString()).isEqualTo("[\"paris\",\"rome\"]");
        JsonNode essayQuestion = api(recruiter).get("/api/questions?kind=FREE_TEXT").expect(200).get("items").get(0);
        assertThat(essayQuestion.get("promptMarkdown").asString()).isEqualTo("Why put a queue between two services?");
        assertThat(essayQuestion.get("needsRubric").asBoolean()).isTrue();
    }

    @Test
    void twoItemsOfAPackageUnderOneIdentifierAreNotTakenForOne() {
        String manifest = "<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"><resources>"
                + "<resource identifier=\"r1\" type=\"imsqti_item_xmlv2p1\" href=\"a.xml\"/>"
                + "<resource identifier=\"r2\" type=\"imsqti_item_xmlv2p1\" href=\"b.xml\"/></resources></manifest>";
        String item = "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"item\" title=\"%s\">"
                + "<responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"identifier\">"
                + "<correctResponse><value>a</value></correctResponse></responseDeclaration><itemBody>"
                + "<choiceInteraction responseIdentifier=\"RESPONSE\" maxChoices=\"1\"><prompt>Pick one</prompt>"
                + "<simpleChoice identifier=\"a\">A</simpleChoice><simpleChoice identifier=\"b\">B</simpleChoice>"
                + "</choiceInteraction></itemBody></assessmentItem>";

        JsonNode report = upload(recruiter, "application/zip", zipOf(Map.of("imsmanifest.xml", manifest,
                "a.xml", item.formatted("First"), "b.xml", item.formatted("Second")))).expect(200);

        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("alreadyImported").asInt()).isZero();
        JsonNode refused = report.get("items").valueStream().filter(r -> r.get("outcome").asString().equals("REFUSED"))
                .findFirst().orElseThrow();
        assertThat(refused.get("file").asString()).isEqualTo("b.xml");
        assertThat(refused.get("reason").asString()).contains("identifier 'item' repeats the item in a.xml");
    }
}
