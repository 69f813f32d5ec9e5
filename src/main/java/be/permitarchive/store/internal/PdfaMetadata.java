package be.permitarchive.store.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;

import javax.xml.transform.TransformerException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.schema.XMPMediaManagementSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes the file PDF/A-2b besides its content: XMP metadata (pdfaid part 2, conformance B) consistent with the
 * document information dictionary, an sRGB output intent and a file identifier.
 */
final class PdfaMetadata {

	static final String PRODUCER = "permit-archive (Apache PDFBox)";

	static final String SRGB = "sRGB IEC61966-2.1";

	private PdfaMetadata() {
	}

	static void apply(PDDocument document, String title) throws IOException {
		Calendar now = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
		now.set(Calendar.MILLISECOND, 0); // the Info dictionary has no milliseconds; both must agree
		UUID id = UUID.randomUUID();

		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(title);
		info.setProducer(PRODUCER);
		info.setCreationDate(now);
		info.setModificationDate(now);

		PDDocumentCatalog catalog = document.getDocumentCatalog();
		PDMetadata metadata = new PDMetadata(document);
		metadata.importXMPMetadata(xmp(title, now, id));
		catalog.setMetadata(metadata);

		if (catalog.getOutputIntents().isEmpty()) {
			catalog.addOutputIntent(srgbOutputIntent(document));
		}
		document.getDocument().setDocumentID(fileIdentifier(id));
	}

	private static byte[] xmp(String title, Calendar now, UUID id) throws IOException {
		XMPMetadata xmp = XMPMetadata.createXMPMetadata();
		DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
		dc.setTitle(title);
		dc.setFormat("application/pdf");
		AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
		pdf.setProducer(PRODUCER);
		XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
		basic.setCreateDate(now);
		basic.setModifyDate(now);
		basic.setMetadataDate(now);
		XMPMediaManagementSchema media = xmp.createAndAddXMPMediaManagementSchema();
		media.setDocumentID("uuid:" + id);
		media.setInstanceID("uuid:" + id);
		PDFAIdentificationSchema pdfaId = xmp.createAndAddPDFAIdentificationSchema();
		pdfaId.setPart(2);
		try {
			pdfaId.setConformance("B");
		}
		catch (BadFieldValueException ex) {
			throw new IllegalStateException("xmpbox rejected PDF/A conformance level B", ex);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new XmpSerializer().serialize(xmp, out, true);
		}
		catch (TransformerException ex) {
			throw new IOException("cannot serialise the XMP metadata for '" + title + "'", ex);
		}
		return out.toByteArray();
	}

	private static PDOutputIntent srgbOutputIntent(PDDocument document) throws IOException {
		byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
		PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(profile));
		intent.setInfo(SRGB);
		intent.setOutputCondition(SRGB);
		intent.setOutputConditionIdentifier(SRGB);
		intent.setRegistryName("http://www.color.org");
		return intent;
	}

	/** The trailer /ID: permanent and changing identifier, equal for a newly created file. */
	private static COSArray fileIdentifier(UUID id) {
		byte[] bytes = ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
		COSArray array = new COSArray();
		array.add(new COSString(bytes));
		array.add(new COSString(bytes));
		return array;
	}

}
