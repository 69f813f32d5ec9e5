package be.permitarchive.ocr.internal;

/**
 * Wraps the page layout that Tesseract's C API returns into a complete ALTO v3 document, as Tesseract's own ALTO
 * renderer does.
 */
final class Alto {

	private Alto() {
	}

	static String document(String layout, String engine) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#" \
				xmlns:xlink="http://www.w3.org/1999/xlink" \
				xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
				xsi:schemaLocation="http://www.loc.gov/standards/alto/ns-v3# \
				http://www.loc.gov/alto/v3/alto-3-0.xsd">
					<Description>
						<MeasurementUnit>pixel</MeasurementUnit>
						<OCRProcessing ID="OCR_0">
							<ocrProcessingStep>
								<processingSoftware>
									<softwareName>%s</softwareName>
								</processingSoftware>
							</ocrProcessingStep>
						</OCRProcessing>
					</Description>
					<Layout>
				%s
					</Layout>
				</alto>
				""".formatted(escape(engine), layout.stripTrailing());
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
