package io.hirepipe.question.transfer;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * QTI 3.0 says what QTI 2.x says with other names: {@code <qti-choice-interaction max-choices="1">} is 2.x's
 * {@code <choiceInteraction maxChoices="1">}, in the namespace {@value #NAMESPACE}. Renaming a 3.0 item's
 * elements and attributes to their 2.x names lets one reader take both; the XHTML of the body is named alike
 * in both versions and stays as it is.
 */
final class Qti3Names {

    static final String NAMESPACE = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    private static final String PREFIX = "qti-";

    private Qti3Names() {
    }

    static boolean isQti3(Document document) {
        Element root = document.getDocumentElement();
        return NAMESPACE.equals(root.getNamespaceURI()) || (PREFIX + "assessment-item").equals(root.getLocalName());
    }

    /** Renames, in place, every {@code qti-} element of the document and the kebab-case attributes of each. */
    static void toQti2(Document document) {
        rename(document, document.getDocumentElement());
    }

    private static void rename(Document document, Element element) {
        Element renamed = element;
        String name = element.getLocalName();
        if (name != null && name.startsWith(PREFIX)) {
            renamed = (Element) document.renameNode(element, element.getNamespaceURI(), camel(name.substring(PREFIX.length())));
            renameAttributes(renamed);
        }
        List<Element> children = new ArrayList<>();
        for (Node child = renamed.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(e);
            }
        }
        children.forEach(child -> rename(document, child));
    }

    private static void renameAttributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> kebab = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (attribute.getNamespaceURI() == null && attribute.getName().contains("-")) {
                kebab.add(attribute);
            }
        }
        for (Attr attribute : kebab) {
            element.removeAttributeNode(attribute);
            element.setAttribute(camel(attribute.getName()), attribute.getValue());
        }
    }

    /** {@code choice-interaction} → {@code choiceInteraction} */
    static String camel(String kebab) {
        StringBuilder out = new StringBuilder(kebab.length());
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
