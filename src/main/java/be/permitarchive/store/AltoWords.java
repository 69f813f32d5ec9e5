package be.permitarchive.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import be.permitarchive.ocr.Word;

/** Reads the words back from an ALTO file of the store: text, box in pixels and confidence (0-100). */
public final class AltoWords {

	private AltoWords() {
	}

	public static List<Word> read(Path alto) throws IOException {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		List<Word> words = new ArrayList<>();
		try (InputStream in = Files.newInputStream(alto)) {
			XMLStreamReader xml = factory.createXMLStreamReader(in);
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "String".equals(xml.getLocalName())) {
					String content = xml.getAttributeValue(null, "CONTENT");
					if (content == null || content.isBlank()) {
						continue;
					}
					String wc = xml.getAttributeValue(null, "WC");
					words.add(new Word(content, number(xml, "HPOS"), number(xml, "VPOS"), number(xml, "WIDTH"),
							number(xml, "HEIGHT"), (wc != null) ? Float.parseFloat(wc) * 100f : 0f));
				}
			}
			xml.close();
		}
		catch (XMLStreamException | NumberFormatException ex) {
			throw new IOException("unreadable ALTO " + alto + ": " + ex.getMessage(), ex);
		}
		return words;
	}

	private static int number(XMLStreamReader xml, String attribute) {
		String value = xml.getAttributeValue(null, attribute);
		return (value == null) ? 0 : (int) Math.round(Double.parseDouble(value));
	}

}
