package be.permitarchive.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The pure packages stay pure: no framework, database, OCR or PDF library in the domain and its rules. */
@AnalyzeClasses(packages = "be.permitarchive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	static final String[] INFRASTRUCTURE = { "org.springframework..", "java.sql..", "javax.sql..",
			"net.sourceforge.tess4j..", "com.sun.jna..", "org.apache.tika..", "org.apache.pdfbox..", "org.postgresql.." };

	@ArchTest
	static final ArchRule domainIsPure = noClasses().that()
		.resideInAnyPackage("be.permitarchive.dossier..", "be.permitarchive.extract..", "be.permitarchive.georef")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(INFRASTRUCTURE)
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule ingestLayoutIsPure = noClasses().that()
		.resideInAPackage("be.permitarchive.ingest")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(INFRASTRUCTURE);

	@ArchTest
	static final ArchRule ocrRulesDoNotKnowTesseract = noClasses().that()
		.resideInAPackage("be.permitarchive.ocr")
		.and()
		.doNotHaveSimpleName("OcrProperties")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("net.sourceforge.tess4j..", "com.sun.jna..", "org.apache.pdfbox..", "java.sql..");

	@ArchTest
	static final ArchRule onlyTheCommandLineMapsExitCodes = noClasses().that()
		.resideOutsideOfPackages("be.permitarchive.cli..", "be.permitarchive.job..")
		.should()
		.dependOnClassesThat()
		.haveSimpleName("ExitCode");

}
