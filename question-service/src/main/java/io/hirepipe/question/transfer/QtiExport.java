package io.hirepipe.question.transfer;

import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.bank.QuestionDocument;
import io.hirepipe.question.bank.QuestionRequest;
import io.hirepipe.question.bank.QuestionRequests;
import io.hirepipe.question.bank.QuestionService;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports questions as a QTI 2.1 content package (zip with imsmanifest.xml, one item file per question),
 * the format {@link QtiImport} reads: choice items with their key, free-text items with their rubric in a
 * scorer {@code rubricBlock} ({@link QtiRubric}), and what QTI has no place for (category, difficulty...)
 * in an author {@code rubricBlock} ({@link QtiMetadata}). Prompts go out rendered, as QTI's XHTML
 * ({@link QtiXhtml}), and as their Markdown in the metadata, which our import reads back as written.
 */
@Service
class QtiExport {

    static final String QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    static final String CONTENT_PACKAGING = "http://www.imsglobal.org/xsd/imscp_v1p1";
    private static final String RESPONSE = "RESPONSE";

    private final QuestionService questions;

    QtiExport(QuestionService questions) {
        this.questions = questions;
    }

    /** @param ids the selection, or null for the whole bank (newest first, at most {@value JsonTransfer#MAX_QUESTIONS}) */
    byte[] export(Caller caller, List<String> ids) {
        List<QuestionDocument> found = questions.forExport(caller, ids, JsonTransfer.MAX_QUESTIONS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Document manifest = newDocument();
            Element root = manifest.createElementNS(CONTENT_PACKAGING, "manifest");
            root.setAttribute("identifier", "hirepipe-questions");
            Element metadata = child(manifest, root, CONTENT_PACKAGING, "metadata", null);
            child(manifest, metadata, CONTENT_PACKAGING, "schema", "QTIv2.1 Package");
            child(manifest, metadata, CONTENT_PACKAGING, "schemaversion", "1.0.0");
            child(manifest, root, CONTENT_PACKAGING, "organizations", null);
            Element resources = child(manifest, root, CONTENT_PACKAGING, "resources", null);
            manifest.appendChild(root);
            for (QuestionDocument question : found) {
                String href = "items/" + question.id() + ".xml";
                Element resource = child(manifest, resources, CONTENT_PACKAGING, "resource", null);
                resource.setAttribute("identifier", question.id());
                resource.setAttribute("type", "imsqti_item_xmlv2p1");
                resource.setAttribute("href", href);
                child(manifest, resource, CONTENT_PACKAGING, "file", null).setAttribute("href", href);
                zip.putNextEntry(new ZipEntry(href));
                zip.write(serialise(item(question.id(), QuestionRequests.of(question.content()),
                        question.content().promptHtml())));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
            zip.write(serialise(manifest));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static Document item(String id, QuestionRequest question, String promptHtml) {
        Document document = newDocument();
        Element item = document.createElementNS(QTI, "assessmentItem");
        item.setAttribute("identifier", id);
        item.setAttribute("title", question.title());
        item.setAttribute("adaptive", "false");
        item.setAttribute("timeDependent", "false");
        document.appendChild(item);
        boolean freeText = question.kind() == QuestionKind.FREE_TEXT;
        Map<String, String> optionIds = freeText ? Map.of() : QtiOptionIds.of(question.options());
        Element declaration = child(document, item, QTI, "responseDeclaration", null);
        declaration.setAttribute("identifier", RESPONSE);
        declaration.setAttribute("cardinality", question.kind() == QuestionKind.MULTI_CHOICE ? "multiple" : "single");
        declaration.setAttribute("baseType", freeText ? "string" : "identifier");
        if (!freeText) {
            Element correct = child(document, declaration, QTI, "correctResponse", null);
            question.correctOptionIds().forEach(option -> child(document, correct, QTI, "value", optionIds.get(option)));
        }
        Element outcome = child(document, item, QTI, "outcomeDeclaration", null);
        outcome.setAttribute("identifier", "SCORE");
        outcome.setAttribute("cardinality", "single");
        outcome.setAttribute("baseType", "float");

        Element body = child(document, item, QTI, "itemBody", null);
        body.appendChild(QtiMetadata.write(document, QTI, question, optionIds));
        if (freeText && question.rubric() != null) {
            body.appendChild(QtiRubric.write(document, QTI, question.rubric()));
        }
        // Other tools show the prompt as it is rendered here; ours reads the Markdown back from the metadata.
        QtiXhtml.append(document, body, QTI, promptHtml);
        if (freeText) {
            child(document, body, QTI, "extendedTextInteraction", null).setAttribute("responseIdentifier", RESPONSE);
        } else {
            Element interaction = child(document, body, QTI, "choiceInteraction", null);
            interaction.setAttribute("responseIdentifier", RESPONSE);
            interaction.setAttribute("shuffle", "false");
            interaction.setAttribute("maxChoices", question.kind() == QuestionKind.MULTI_CHOICE ? "0" : "1");
            for (QuestionRequest.Option option : question.options()) {
                child(document, interaction, QTI, "simpleChoice", option.text())
                        .setAttribute("identifier", optionIds.get(option.id()));
            }
        }
        return document;
    }

    private static Element child(Document document, Element parent, String namespace, String name, String text) {
        Element element = document.createElementNS(namespace, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML builder is missing", e);
        }
    }

    private static byte[] serialise(Document document) {
        QtiXhtml.dropNonXmlCharacters(document);
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot write QTI XML", e);
        }
    }
}
