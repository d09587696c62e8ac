package io.hirepipe.question.transfer;

import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.question.bank.QuestionRequest;
import io.hirepipe.question.starter.StarterBank;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one QTI 2.1/2.2 {@code assessmentItem} (or a 3.0 {@code qti-assessment-item}, by its 2.x names,
 * {@link Qti3Names}) into a question: a {@code choiceInteraction} becomes a
 * single- or multiple-choice question (by the response's cardinality and maxChoices), an
 * {@code extendedTextInteraction} a free-text one, with the rubric our export writes into a
 * {@code rubricBlock} ({@link QtiRubric}). A free-text item without one becomes a draft marked "needs a
 * rubric", which cannot be published until one is written. Anything else is reported, never dropped silently.
 */
final class QtiItemReader {

    private static final Set<String> BODY_BLOCKS = Set.of("p", "div", "pre", "blockquote", "ul", "ol", "table",
            "h1", "h2", "h3", "h4", "h5", "h6");

    /** Either a question, or why the item cannot become one: unsupported, or refused as it is written. */
    record Read(String identifier, StarterBank.BankQuestion question, String unsupported, String refused) {

        Read(String identifier, StarterBank.BankQuestion question, String unsupported) {
            this(identifier, question, unsupported, null);
        }
    }

    static final String NEEDS_RUBRIC_TAG = "needs-rubric";

    private QtiItemReader() {
    }

    static Read read(Document document) throws SafeXml.MalformedXml {
        if (Qti3Names.isQti3(document)) {
            Qti3Names.toQti2(document);
        }
        Element item = document.getDocumentElement();
        if (!"assessmentItem".equals(item.getLocalName())) {
            throw new SafeXml.MalformedXml("the root element is <" + item.getLocalName()
                    + ">, not a QTI <assessmentItem> (2.x) or <qti-assessment-item> (3.0)");
        }
        String identifier = item.getAttribute("identifier");
        if (identifier.isBlank()) {
            throw new SafeXml.MalformedXml("<assessmentItem> has no identifier");
        }
        String title = item.getAttribute("title").isBlank() ? identifier : item.getAttribute("title");
        List<Element> bodies = SafeXml.descendants(item, "itemBody");
        if (bodies.isEmpty()) {
            throw new SafeXml.MalformedXml("<assessmentItem> '" + identifier + "' has no <itemBody>");
        }
        List<Element> interactions = interactions(bodies.get(0));
        if (interactions.size() != 1) {
            return new Read(identifier, null, "items with " + interactions.size()
                    + " interactions are not supported; one choiceInteraction or extendedTextInteraction is");
        }
        Element interaction = interactions.get(0);
        String prompt = prompt(bodies.get(0), interaction, title);
        Read read = switch (interaction.getLocalName()) {
            case "choiceInteraction" -> new Read(identifier, choice(item, identifier, title, prompt, interaction), null);
            case "extendedTextInteraction" -> freeText(item, identifier, title, prompt);
            default -> new Read(identifier, null, interaction.getLocalName() + " is not supported; "
                    + "choiceInteraction and extendedTextInteraction are");
        };
        if (read.question() == null) {
            return read;
        }
        try {
            return new Read(identifier, QtiMetadata.apply(item, read.question()), null);
        } catch (QtiRubric.BadExtension e) {
            return new Read(identifier, null, null, e.getMessage());
        }
    }

    private static List<Element> interactions(Element body) {
        List<Element> found = new ArrayList<>();
        collectInteractions(body, found);
        return found;
    }

    private static void collectInteractions(Node node, List<Element> found) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (element.getLocalName() != null && element.getLocalName().endsWith("Interaction")) {
                    found.add(element);
                } else {
                    collectInteractions(element, found);
                }
            }
        }
    }

    /** The body's text blocks outside the interaction, then the interaction's own prompt, as paragraphs. */
    private static String prompt(Element body, Element interaction, String title) {
        List<String> paragraphs = new ArrayList<>();
        for (Node child = body.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && BODY_BLOCKS.contains(element.getLocalName())
                    && SafeXml.descendants(element, interaction.getLocalName()).isEmpty()) {
                String text = QtiXhtml.text(element);
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
        }
        SafeXml.descendants(interaction, "prompt").stream().map(SafeXml::text).filter(t -> !t.isEmpty())
                .forEach(paragraphs::add);
        return paragraphs.isEmpty() ? title : String.join("\n\n", paragraphs);
    }

    private static StarterBank.BankQuestion choice(Element item, String identifier, String title, String prompt,
                                                   Element interaction) {
        String responseId = interaction.getAttribute("responseIdentifier");
        Element declaration = SafeXml.descendants(item, "responseDeclaration").stream()
                .filter(d -> d.getAttribute("identifier").equals(responseId)).findFirst().orElse(null);
        List<String> correct = declaration == null ? List.of() : SafeXml.descendants(declaration, "correctResponse")
                .stream().flatMap(c -> SafeXml.descendants(c, "value").stream()).map(SafeXml::text).toList();
        String cardinality = declaration == null ? "" : declaration.getAttribute("cardinality");
        String maxChoices = interaction.getAttribute("maxChoices");
        boolean multiple = "multiple".equals(cardinality) || (!maxChoices.isBlank() && !"1".equals(maxChoices));
        List<QuestionRequest.Option> options = SafeXml.descendants(interaction, "simpleChoice").stream()
                .map(c -> new QuestionRequest.Option(c.getAttribute("identifier"), SafeXml.text(c))).toList();
        return new StarterBank.BankQuestion(identifier, multiple ? QuestionKind.MULTI_CHOICE : QuestionKind.SINGLE_CHOICE,
                title, prompt, options, correct, null, null, List.of("qti"), null, null, null, null, null);
    }

    private static Read freeText(Element item, String identifier, String title, String prompt) {
        QuestionRequest.RubricInput rubric;
        try {
            rubric = QtiRubric.read(item).orElse(null);
        } catch (QtiRubric.BadExtension e) {
            return new Read(identifier, null, null, e.getMessage());
        }
        return new Read(identifier, new StarterBank.BankQuestion(identifier, QuestionKind.FREE_TEXT, title, prompt,
                null, null, rubric, null, rubric == null ? List.of("qti", NEEDS_RUBRIC_TAG) : List.of("qti"),
                null, null, null, null, null), null);
    }
}
