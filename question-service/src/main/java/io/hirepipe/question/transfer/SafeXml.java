package io.hirepipe.question.transfer;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses uploaded XML with every door to the outside closed: no DOCTYPE at all (so no external or
 * recursive entities, XXE or "billion laughs"), no external DTDs or schemas, no XInclude.
 */
final class SafeXml {

    /** Thrown for input that is not well-formed, or that tries to declare a DOCTYPE. */
    static final class MalformedXml extends Exception {
        MalformedXml(String message) {
            super(message);
        }
    }

    private SafeXml() {
    }

    static Document parse(byte[] xml) throws MalformedXml {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String reason = e.getMessage() == null ? "not well-formed" : e.getMessage();
            throw new MalformedXml(reason.contains("DOCTYPE") ? "a DOCTYPE is not allowed (external entities)" : reason);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("The XML parser cannot be set up safely", e);
        }
    }

    /** Descendant elements of {@code root} with this local name (namespaces ignored), in document order. */
    static List<Element> descendants(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        collect(root, localName, found);
        return found;
    }

    private static void collect(Node node, String localName, List<Element> found) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (localName.equals(element.getLocalName())) {
                    found.add(element);
                }
                collect(element, localName, found);
            }
        }
    }

    /** The text of an element with runs of white space folded to one space. */
    static String text(Node node) {
        return node.getTextContent() == null ? "" : node.getTextContent().replaceAll("\\s+", " ").trim();
    }
}
