package be.permitarchive.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestTest {

	@TempDir
	Path delivery;

	@Nested
	class Reading {

		@Test
		void readsTheColumnsInAnyOrderWithOnlyFolderRequired() throws Exception {
			// given
			write("notes,folder,reference\n\"doos 3, map 2\",1987-0456,1987/0456\n,BV-88-214,\n");

			// when
			Manifest manifest = Manifest.of(ManifestTest.this.delivery);

			// then
			assertThat(manifest.problems()).isEmpty();
			assertThat(manifest.entry("1987-0456")).hasValueSatisfying((e) -> {
				assertThat(e.reference()).isEqualTo("1987/0456");
				assertThat(e.notes()).isEqualTo("doos 3, map 2");
				assertThat(e.municipalityNis()).isNull();
			});
			assertThat(manifest.entry("BV-88-214")).hasValueSatisfying((e) -> assertThat(e.reference()).isNull());
		}

		@Test
		void readsASpreadsheetExportWithSemicolonsAndAByteOrderMark() throws Exception {
			// given
			write("\uFEFFfolder;reference;municipality_nis;box\n1974-0123;1974/0123;31998;B12\n");

			// when
			Manifest manifest = Manifest.of(ManifestTest.this.delivery);

			// then
			assertThat(manifest.entry("1974-0123")).hasValueSatisfying((e) -> {
				assertThat(e.municipalityNis()).isEqualTo("31998");
				assertThat(e.box()).isEqualTo("B12");
			});
		}

		@Test
		void aDeliveryWithoutManifestHasAnEmptyOne() throws Exception {
			assertThat(Manifest.of(ManifestTest.this.delivery).present()).isFalse();
		}

	}

	@Nested
	class Problems {

		@Test
		void aManifestWithoutFolderColumnIsReportedNotGuessed() throws Exception {
			// given
			write("map,referentie\n1987-0456,1987/0456\n");

			// when
			Manifest manifest = Manifest.of(ManifestTest.this.delivery);

			// then
			assertThat(manifest.entries()).isEmpty();
			assertThat(manifest.problems()).singleElement().asString().contains("no 'folder' column");
		}

		@Test
		void aFolderListedTwiceIsReportedAndTheFirstRowKept() throws Exception {
			// given
			write("folder,reference\nA,1/1\nA,2/2\n");

			// when
			Manifest manifest = Manifest.of(ManifestTest.this.delivery);

			// then
			assertThat(manifest.entry("A")).hasValueSatisfying((e) -> assertThat(e.reference()).isEqualTo("1/1"));
			assertThat(manifest.problems()).singleElement().asString().contains("twice");
		}

	}

	private void write(String content) throws Exception {
		Files.writeString(this.delivery.resolve("manifest.csv"), content);
	}

}
