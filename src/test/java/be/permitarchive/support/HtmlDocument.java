package be.permitarchive.support;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The report parsed with the JDK's XML parser: the report is written as well-formed (polyglot) HTML, so a strict
 * parser must accept it, and a parse error is a test failure, not something a lenient HTML parser would paper over.
 */
public final class HtmlDocument {

	private final Document document;

	private HtmlDocument(Document document) {
		this.document = document;
	}

	public static HtmlDocument parse(String html) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
		factory.setExpandEntityReferences(false);
		return new HtmlDocument(factory.newDocumentBuilder().parse(new InputSource(new StringReader(html))));
	}

	public List<Element> all(String tag) {
		NodeList nodes = this.document.getElementsByTagName(tag);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	/** Every element with the class, in document order. */
	public List<Element> byClass(String cssClass) {
		return byClass(this.document.getDocumentElement(), cssClass);
	}

	public static List<Element> byClass(Element root, String cssClass) {
		List<Element> found = new ArrayList<>();
		collect(root, cssClass, found);
		return found;
	}

	private static void collect(Element element, String cssClass, List<Element> found) {
		if (Arrays.asList(element.getAttribute("class").split("\\s+")).contains(cssClass)) {
			found.add(element);
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child) {
				collect(child, cssClass, found);
			}
		}
	}

	/** The value of a report's key-figure tile: the {@code count-value} inside the element with {@code data-count}. */
	public String count(String key) {
		return everything().stream()
			.filter((e) -> key.equals(e.getAttribute("data-count")))
			.map((e) -> byClass(e, "count-value").get(0).getTextContent())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no tile data-count=\"" + key + "\" in the report"));
	}

	public Element byId(String id) {
		for (Element element : everything()) {
			if (id.equals(element.getAttribute("id"))) {
				return element;
			}
		}
		return null;
	}

	public List<Element> everything() {
		return all("*");
	}

}
