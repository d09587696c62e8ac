package io.hirepipe.question.transfer;

import io.hirepipe.question.bank.QuestionRequest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A free-text item's rubric inside QTI. QTI has no structured rubric, only a {@code rubricBlock} of prose for
 * a view such as {@code scorer}; our export writes the key points there twice: as prose any QTI tool shows
 * scorers, and as a {@code <hp:rubric>} element in the Hirepipe namespace ({@value #NAMESPACE}) that our
 * import reads back exactly (key points with phrases, points and examples; misconceptions). Tools that do
 * not know the namespace ignore it.
 */
final class QtiRubric {

    static final String NAMESPACE = "https://hirepipe.io/xsd/qti-rubric/v1";
    private static final String PREFIX = "hp:";

    /** Thrown for a Hirepipe extension (rubric, metadata) that is present but unreadable, named by its field. */
    static final class BadExtension extends Exception {
        BadExtension(String message) {
            super(message);
        }
    }

    private QtiRubric() {
    }

    /** The {@code rubricBlock view="scorer"} for {@code rubric}, in the QTI namespace {@code qtiNamespace}. */
    static Element write(Document document, String qtiNamespace, QuestionRequest.RubricInput rubric) {
        Element block = document.createElementNS(qtiNamespace, "rubricBlock");
        block.setAttribute("view", "scorer");
        Element list = document.createElementNS(qtiNamespace, "ul");
        for (QuestionRequest.KeyPointInput keyPoint : rubric.keyPoints()) {
            Element item = document.createElementNS(qtiNamespace, "li");
            item.setTextContent(keyPoint.points() + " pt: " + (keyPoint.description() == null ? String.join(", ",
                    keyPoint.phrases()) : keyPoint.description()));
            list.appendChild(item);
        }
        block.appendChild(list);

        Element structured = document.createElementNS(NAMESPACE, PREFIX + "rubric");
        for (QuestionRequest.KeyPointInput keyPoint : rubric.keyPoints()) {
            Element element = document.createElementNS(NAMESPACE, PREFIX + "keyPoint");
            element.setAttribute("id", keyPoint.id());
            element.setAttribute("points", String.valueOf(keyPoint.points()));
            if (keyPoint.description() != null) {
                append(document, element, "description", keyPoint.description());
            }
            keyPoint.phrases().forEach(phrase -> append(document, element, "phrase", phrase));
            if (keyPoint.examples() != null) {
                keyPoint.examples().forEach(example -> append(document, element, "example", example));
            }
            structured.appendChild(element);
        }
        if (rubric.misconceptions() != null) {
            for (QuestionRequest.MisconceptionInput misconception : rubric.misconceptions()) {
                Element element = document.createElementNS(NAMESPACE, PREFIX + "misconception");
                element.setAttribute("id", misconception.id());
                element.setAttribute("points", String.valueOf(misconception.points()));
                append(document, element, "description", misconception.description());
                if (misconception.phrases() != null) {
                    misconception.phrases().forEach(phrase -> append(document, element, "phrase", phrase));
                }
                structured.appendChild(element);
            }
        }
        block.appendChild(structured);
        return block;
    }

    private static void append(Document document, Element parent, String name, String text) {
        Element child = document.createElementNS(NAMESPACE, PREFIX + name);
        child.setTextContent(text);
        parent.appendChild(child);
    }

    /**
     * The Hirepipe rubric of an item, if one of its rubric blocks carries it. The values are taken as written;
     * the question rules judge them afterwards, like any request.
     */
    static Optional<QuestionRequest.RubricInput> read(Element item) throws BadExtension {
        List<Element> found = new ArrayList<>();
        for (Element block : SafeXml.descendants(item, "rubricBlock")) {
            children(block, "rubric", found);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() > 1) {
            throw new BadExtension("rubric: the item carries " + found.size() + " Hirepipe rubrics; one is allowed");
        }
        Element rubric = found.get(0);
        List<Element> keyPointElements = new ArrayList<>();
        children(rubric, "keyPoint", keyPointElements);
        List<QuestionRequest.KeyPointInput> keyPoints = new ArrayList<>();
        for (int i = 0; i < keyPointElements.size(); i++) {
            Element keyPoint = keyPointElements.get(i);
            String path = "rubric.keyPoints[" + i + "]";
            List<String> examples = texts(keyPoint, "example");
            keyPoints.add(new QuestionRequest.KeyPointInput(attribute(keyPoint, "id"),
                    texts(keyPoint, "description").stream().findFirst().orElse(null), texts(keyPoint, "phrase"),
                    points(keyPoint, path), examples.isEmpty() ? null : examples));
        }
        List<Element> misconceptionElements = new ArrayList<>();
        children(rubric, "misconception", misconceptionElements);
        List<QuestionRequest.MisconceptionInput> misconceptions = new ArrayList<>();
        for (int i = 0; i < misconceptionElements.size(); i++) {
            Element misconception = misconceptionElements.get(i);
            misconceptions.add(new QuestionRequest.MisconceptionInput(attribute(misconception, "id"),
                    texts(misconception, "description").stream().findFirst().orElse(null),
                    texts(misconception, "phrase"), points(misconception, "rubric.misconceptions[" + i + "]")));
        }
        return Optional.of(new QuestionRequest.RubricInput(keyPoints, misconceptions));
    }

    private static void children(Element parent, String localName, List<Element> found) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && NAMESPACE.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
    }

    private static List<String> texts(Element parent, String localName) {
        List<Element> elements = new ArrayList<>();
        children(parent, localName, elements);
        return elements.stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static Integer points(Element element, String path) throws BadExtension {
        String points = element.getAttribute("points");
        if (points.isBlank()) {
            return null; // the rules name the missing points
        }
        try {
            return Integer.valueOf(points.strip());
        } catch (NumberFormatException e) {
            throw new BadExtension(path + ".points: '" + (points.length() > 20 ? points.substring(0, 20) + "…" : points)
                    + "' is not a whole number");
        }
    }
}
