package be.permitarchive.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The register record's JSON Schema (config/schema/dossier.schema.json), through the networknt validator. */
public final class DossierSchema {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Schema schema;

	private DossierSchema(Schema schema) {
		this.schema = schema;
	}

	public static DossierSchema load() throws Exception {
		String text = Files.readString(Path.of("config", "schema", "dossier.schema.json"));
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		return new DossierSchema(registry.getSchema(JSON.readTree(text)));
	}

	/** The validation errors of one exported line, as messages; empty when it is valid. */
	public List<String> errors(String line) {
		JsonNode node = JSON.readTree(line);
		return this.schema.validate(node).stream().map(Error::toString).toList();
	}

}
