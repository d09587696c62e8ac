package io.hirepipe.question.transfer;

import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.question.bank.QuestionRequest;
import io.hirepipe.question.starter.StarterBank;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Hirepipe question says beyond QTI's item model (the prompt's Markdown, category, difficulty, suggested
 * time, "why we ask", tags, points, choice scoring), written by our export into a {@code rubricBlock view="author"} as an
 * {@code <hp:metadata>} element in {@link QtiRubric#NAMESPACE}, and read back by our import, so that a
 * question keeps what pool rules draw by. Items from other tools have none and keep the import's defaults.
 */
final class QtiMetadata {

    private QtiMetadata() {
    }

    /** @param optionIds each option's id → the QTI identifier it goes out under ({@link QtiOptionIds}) */
    static Element write(Document document, String qtiNamespace, QuestionRequest question,
                         Map<String, String> optionIds) {
        Element block = document.createElementNS(qtiNamespace, "rubricBlock");
        block.setAttribute("view", "author");
        Element metadata = document.createElementNS(QtiRubric.NAMESPACE, "hp:metadata");
        setIfPresent(metadata, "category", question.category());
        setIfPresent(metadata, "difficulty", question.difficulty());
        setIfPresent(metadata, "suggestedTimeSeconds", question.suggestedTimeSeconds());
        if (question.kind() != QuestionKind.FREE_TEXT) {
            setIfPresent(metadata, "points", question.points());
            setIfPresent(metadata, "choiceScoring", question.choiceScoring());
        }
        // The item body carries the prompt rendered; the Markdown as written travels here, so a code block's
        // lines and blank lines come back exactly.
        Element prompt = document.createElementNS(QtiRubric.NAMESPACE, "hp:prompt");
        prompt.setTextContent(question.prompt());
        metadata.appendChild(prompt);
        if (question.whyWeAsk() != null) {
            Element why = document.createElementNS(QtiRubric.NAMESPACE, "hp:whyWeAsk");
            why.setTextContent(question.whyWeAsk());
            metadata.appendChild(why);
        }
        for (String tag : question.tags() == null ? List.<String>of() : question.tags()) {
            Element element = document.createElementNS(QtiRubric.NAMESPACE, "hp:tag");
            element.setTextContent(tag);
            metadata.appendChild(element);
        }
        // An option id QTI could not carry went out under another identifier: the id as written comes back from here.
        optionIds.forEach((id, identifier) -> {
            if (!id.equals(identifier)) {
                Element option = document.createElementNS(QtiRubric.NAMESPACE, "hp:option");
                option.setAttribute("identifier", identifier);
                option.setTextContent(id);
                metadata.appendChild(option);
            }
        });
        block.appendChild(metadata);
        return block;
    }

    private static void setIfPresent(Element element, String name, Object value) {
        if (value != null) {
            element.setAttribute(name, value.toString());
        }
    }

    /** {@code question} with the item's Hirepipe metadata, or as it is when the item has none. */
    static StarterBank.BankQuestion apply(Element item, StarterBank.BankQuestion question)
            throws QtiRubric.BadExtension {
        Element metadata = null;
        for (Element block : SafeXml.descendants(item, "rubricBlock")) {
            for (Node child = block.getFirstChild(); child != null && metadata == null; child = child.getNextSibling()) {
                if (child instanceof Element element && QtiRubric.NAMESPACE.equals(element.getNamespaceURI())
                        && "metadata".equals(element.getLocalName())) {
                    metadata = element;
                }
            }
        }
        if (metadata == null) {
            return question;
        }
        Set<String> tags = new LinkedHashSet<>();
        String whyWeAsk = null;
        String prompt = question.prompt();
        Map<String, String> optionIds = new HashMap<>();
        for (Node child = metadata.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && QtiRubric.NAMESPACE.equals(element.getNamespaceURI())) {
                switch (element.getLocalName()) {
                    case "tag" -> tags.add(element.getTextContent().strip());
                    case "whyWeAsk" -> whyWeAsk = element.getTextContent().strip();
                    case "prompt" -> prompt = element.getTextContent().isBlank() ? prompt : element.getTextContent();
                    case "option" -> {
                        if (!element.getTextContent().isBlank()) {
                            optionIds.put(element.getAttribute("identifier"), element.getTextContent().strip());
                        }
                    }
                    default -> { } // later versions may say more; what we do not know is left out
                }
            }
        }
        // The marker stays while the question has no rubric.
        question.tags().stream().filter(QtiItemReader.NEEDS_RUBRIC_TAG::equals).forEach(tags::add);
        boolean choice = question.kind() != QuestionKind.FREE_TEXT;
        List<QuestionRequest.Option> options = question.options() == null ? null : question.options().stream()
                .map(option -> new QuestionRequest.Option(optionIds.getOrDefault(option.id(), option.id()), option.text()))
                .toList();
        List<String> correct = question.correctOptionIds() == null ? null : question.correctOptionIds().stream()
                .map(id -> optionIds.getOrDefault(id, id)).toList();
        return new StarterBank.BankQuestion(question.key(), question.kind(), question.title(), prompt,
                options, correct, question.rubric(),
                choice ? number(metadata, "points") : null, new ArrayList<>(tags),
                choice ? choiceScoring(metadata) : null, text(metadata, "category"), number(metadata, "difficulty"),
                number(metadata, "suggestedTimeSeconds"), whyWeAsk);
    }

    private static String text(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static Integer number(Element element, String name) throws QtiRubric.BadExtension {
        String value = text(element, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new QtiRubric.BadExtension(name + ": '" + (value.length() > 20 ? value.substring(0, 20) + "…" : value)
                    + "' is not a whole number");
        }
    }

    private static ChoiceScoring choiceScoring(Element element) throws QtiRubric.BadExtension {
        String value = text(element, "choiceScoring");
        if (value == null) {
            return null;
        }
        try {
            return ChoiceScoring.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new QtiRubric.BadExtension("choiceScoring: must be ALL_OR_NOTHING or PARTIAL");
        }
    }
}
