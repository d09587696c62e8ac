package io.hirepipe.question.transfer;

import io.swagger.v3.oas.annotations.media.Schema;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.bank.QuestionRequests;
import io.hirepipe.question.bank.QuestionRules;
import io.hirepipe.question.starter.StarterBank;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * QTI 2.1/2.2/3.0 import from a single item XML or a content package (zip with imsmanifest.xml). A file
 * that is not safe, well-formed QTI refuses the whole import (400 naming {@code file}, nothing stored);
 * an item that is well-formed but unsupported or invalid is reported on its own row, and the others are
 * created as drafts for review. A free-text item without a rubric is created as a draft marked
 * {@code needsRubric}, which cannot be published until one is written.
 */
@Service
class QtiImport {

    static final String SOURCE_PREFIX = "qti:";

    private final JsonTransfer json;
    private final QuestionRequests requests;

    QtiImport(JsonTransfer json, QuestionRequests requests) {
        this.json = json;
        this.requests = requests;
    }

    record ItemRow(@Schema(example = "item-rate-limiter") String identifier,
                   @Schema(example = "items/rate-limiter.xml") String file,
                   @Schema(example = "CREATED", allowableValues = {"CREATED", "ALREADY_IMPORTED", "REFUSED", "UNSUPPORTED"}) String outcome,
                   @Schema(example = "q_4GkR7wP2xYb9LmN3") String id,
                   @Schema(description = "Why the item was not imported (REFUSED or UNSUPPORTED); absent otherwise", example = "The item has no correct response") String reason) {
    }

    record QtiReport(@Schema(example = "12") int created,
                     @Schema(example = "1") int alreadyImported,
                     @Schema(example = "1") int notImported,
                     List<ItemRow> items) {
    }

    /** @param declaredZip whether the client sent it as application/zip: then it must be one, not XML */
    QtiReport importUpload(Caller caller, byte[] upload, boolean declaredZip) {
        if (upload == null || upload.length == 0) {
            throw refused("the upload is empty");
        }
        Map<String, byte[]> files;
        if (SafeZip.looksLikeZip(upload)) {
            files = itemsOfPackage(upload);
        } else if (declaredZip) {
            throw refused("the upload is not a ZIP archive (a QTI content package)");
        } else {
            files = Map.of("item.xml", upload);
        }
        List<ItemRow> rows = new ArrayList<>();
        List<StarterBank.BankQuestion> accepted = new ArrayList<>();
        List<String> acceptedFiles = new ArrayList<>();
        Map<String, String> fileByIdentifier = new HashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            QtiItemReader.Read read;
            try {
                read = QtiItemReader.read(SafeXml.parse(file.getValue()));
            } catch (SafeXml.MalformedXml e) {
                throw refused(file.getKey() + ": " + e.getMessage());
            }
            // The identifier is what a later import recognises the item by: a second item under it would be
            // reported as already imported, its own content silently dropped.
            String first = fileByIdentifier.putIfAbsent(read.identifier(), file.getKey());
            if (first != null) {
                rows.add(new ItemRow(read.identifier(), file.getKey(), "REFUSED", null, "identifier '"
                        + read.identifier() + "' repeats the item in " + first + "; each item needs its own"));
                continue;
            }
            if (read.refused() != null) {
                rows.add(new ItemRow(read.identifier(), file.getKey(), "REFUSED", null, read.refused()));
                continue;
            }
            if (read.question() == null) {
                rows.add(new ItemRow(read.identifier(), file.getKey(), "UNSUPPORTED", null, read.unsupported()));
                continue;
            }
            List<QuestionRules.Violation> violations = requests.violations("item", read.question().toRequest(),
                    QuestionRules.RubricPolicy.MAY_BE_MISSING);
            if (!violations.isEmpty()) {
                rows.add(new ItemRow(read.identifier(), file.getKey(), "REFUSED", null, violations.stream()
                        .map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "))));
                continue;
            }
            accepted.add(read.question());
            acceptedFiles.add(file.getKey());
        }
        JsonTransfer.ImportReport stored = json.store(caller, accepted, false, SOURCE_PREFIX);
        for (int i = 0; i < stored.questions().size(); i++) {
            JsonTransfer.ImportedQuestion row = stored.questions().get(i);
            StarterBank.BankQuestion question = accepted.get(i);
            rows.add(new ItemRow(row.key(), acceptedFiles.get(i), row.outcome(), row.id(),
                    question.kind() == QuestionKind.FREE_TEXT && question.rubric() == null
                            ? "needs a rubric: the QTI item carries none, so the draft cannot be published until one is written"
                            : null));
        }
        return new QtiReport(stored.created(), stored.alreadyImported(), rows.size() - stored.questions().size(), rows);
    }

    /** The item files the manifest lists, by their path in the package. */
    private static Map<String, byte[]> itemsOfPackage(byte[] zip) {
        Map<String, byte[]> entries;
        try {
            entries = SafeZip.read(zip);
        } catch (SafeZip.RefusedZip e) {
            throw refused(e.getMessage());
        }
        if (entries.isEmpty()) {
            throw refused("the ZIP archive is empty; a QTI content package holds imsmanifest.xml and its items");
        }
        byte[] manifest = entries.get("imsmanifest.xml");
        if (manifest == null) {
            throw refused("a content package needs imsmanifest.xml at its root");
        }
        Document document;
        try {
            document = SafeXml.parse(manifest);
        } catch (SafeXml.MalformedXml e) {
            throw refused("imsmanifest.xml: " + e.getMessage());
        }
        Map<String, byte[]> items = new java.util.LinkedHashMap<>();
        for (Element resource : SafeXml.descendants(document.getDocumentElement(), "resource")) {
            if (!resource.getAttribute("type").startsWith("imsqti_item")) {
                continue;
            }
            String href;
            try {
                href = SafeZip.safeName(decoded(resource.getAttribute("href")));
            } catch (SafeZip.RefusedZip e) {
                throw refused("imsmanifest.xml: " + e.getMessage());
            }
            byte[] item = entries.get(href);
            if (item == null) {
                throw refused("imsmanifest.xml lists '" + href + "', which is not in the package");
            }
            items.put(href, item);
        }
        if (items.isEmpty()) {
            throw refused("imsmanifest.xml lists no QTI item resources (type imsqti_item_xmlv2p1, v2p2 or v3p0)");
        }
        return items;
    }

    /**
     * A resource's href is a URI reference: a file "my item.xml" is listed as "my%20item.xml". Decoded before
     * the name is checked, so an encoded "..%2F" is caught like a plain one.
     */
    private static String decoded(String href) throws SafeZip.RefusedZip {
        try {
            return URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SafeZip.RefusedZip("href '" + href + "' is not a valid URI reference");
        }
    }

    private static ProblemException refused(String message) {
        return QuestionRules.invalid(List.of(new QuestionRules.Violation("file", message)))
                .with("field", "file");
    }
}
