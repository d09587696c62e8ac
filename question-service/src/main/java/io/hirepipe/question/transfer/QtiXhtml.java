package io.hirepipe.question.transfer;

import org.jsoup.Jsoup;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Moves prompts between our Markdown and a QTI item body. Out: the prompt's rendered, sanitised HTML as the
 * XHTML elements QTI allows in an item body, so other tools show code, lists and emphasis as the candidate
 * sees them here. In (items of other tools): the body's blocks back to Markdown-ish text that keeps code
 * blocks' lines and list items apart, rather than one run of words.
 */
final class QtiXhtml {

    /** QTI 2.1's XHTML subset, as far as our renderer's allow-list can produce it. */
    private static final Set<String> QTI_ELEMENTS = Set.of("p", "div", "pre", "blockquote", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "colgroup", "col", "thead", "tbody",
            "tfoot", "tr", "th", "td", "a", "em", "strong", "b", "i", "code", "br", "hr", "span", "sub", "sup",
            "small", "cite", "q", "tt", "big", "kbd", "samp", "var", "abbr", "acronym", "address", "dfn");

    private QtiXhtml() {
    }

    /** Appends {@code html} (sanitised prompt HTML) to {@code parent} as QTI elements; others give their text. */
    static void append(Document document, Element parent, String namespace, String html) {
        for (org.jsoup.nodes.Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            copy(document, parent, namespace, node);
        }
    }

    private static void copy(Document document, Node parent, String namespace, org.jsoup.nodes.Node node) {
        if (node instanceof org.jsoup.nodes.TextNode text) {
            parent.appendChild(document.createTextNode(text.getWholeText()));
        } else if (node instanceof org.jsoup.nodes.Element element) {
            Node target = parent;
            if (QTI_ELEMENTS.contains(element.normalName())) {
                Element copy = document.createElementNS(namespace, element.normalName());
                if (element.normalName().equals("a") && element.hasAttr("href")) {
                    copy.setAttribute("href", element.attr("href"));
                }
                if (element.hasAttr("class")) {
                    copy.setAttribute("class", element.attr("class"));
                }
                parent.appendChild(copy);
                target = copy;
            } // else (u, s, del): QTI has no such element; its content stays, unmarked
            for (org.jsoup.nodes.Node child : element.childNodes()) {
                copy(document, target, namespace, child);
            }
        }
    }

    /**
     * A body block of an item as Markdown-ish text: a {@code pre} as a fenced code block with its lines, a list as
     * one "- " line per item, anything else as its words.
     */
    static String text(Element block) {
        return switch (block.getLocalName()) {
            case "pre" -> "```\n" + stripNewlines(block.getTextContent()) + "\n```";
            case "ul", "ol" -> {
                List<String> lines = new ArrayList<>();
                int number = 1;
                for (Node child = block.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element item && "li".equals(item.getLocalName())) {
                        String words = SafeXml.text(item);
                        lines.add((block.getLocalName().equals("ol") ? number++ + ". " : "- ") + words);
                    }
                }
                yield String.join("\n", lines);
            }
            default -> SafeXml.text(block);
        };
    }

    private static String stripNewlines(String text) {
        return text.replaceAll("^\\n+", "").replaceAll("\\s+$", "");
    }

    /**
     * Drops what XML 1.0 cannot carry (control characters other than tab and line breaks, unpaired surrogates,
     * U+FFFE/U+FFFF) from every text and attribute under {@code node}: written as character references they would
     * make the item unreadable to every parser, ours included.
     */
    static void dropNonXmlCharacters(Node node) {
        if (node.getNodeType() == Node.TEXT_NODE) {
            node.setNodeValue(xmlText(node.getNodeValue()));
        }
        NamedNodeMap attributes = node.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            attribute.setValue(xmlText(attribute.getValue()));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            dropNonXmlCharacters(child);
        }
    }

    static String xmlText(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.substring(0, i));
            } else if (allowed && kept != null) {
                kept.appendCodePoint(c);
            }
            i += width;
        }
        return kept == null ? text : kept.toString();
    }
}
