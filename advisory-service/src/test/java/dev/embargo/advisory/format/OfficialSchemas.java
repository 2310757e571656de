package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * The official schemas, vendored under {@code src/test/resources/schemas} with their licences:
 * OASIS CSAF 2.0 (with FIRST's CVSS schemas it references), OSV and the bundled CVE Record Format
 * 5.1.1. Remote references are mapped to the vendored copies: the tests never go online.
 */
public final class OfficialSchemas {

    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final JsonSchemaFactory DRAFT_2020_12 =
            JsonSchemaFactory.getInstance(
                    VersionFlag.V202012,
                    builder ->
                            builder.schemaMappers(
                                    mappers ->
                                            mappers.mapPrefix(
                                                            "https://www.first.org/cvss/",
                                                            "classpath:schemas/csaf/")
                                                    .mapPrefix(
                                                            "https://docs.oasis-open.org/csaf/csaf/v2.0/",
                                                            "classpath:schemas/csaf/")));

    public static final JsonSchema CSAF =
            DRAFT_2020_12.getSchema(
                    SchemaLocation.of("classpath:schemas/csaf/csaf_json_schema.json"), CONFIG);
    static final JsonSchema CSAF_PROVIDER =
            DRAFT_2020_12.getSchema(
                    SchemaLocation.of("classpath:schemas/csaf/provider_json_schema.json"), CONFIG);
    public static final JsonSchema OSV =
            DRAFT_2020_12.getSchema(SchemaLocation.of("classpath:schemas/osv/schema.json"), CONFIG);

    /** CVE JSON 5: the bundled schema inlines every schema it uses, and declares draft-07. */
    public static final JsonSchema CVE =
            JsonSchemaFactory.getInstance(VersionFlag.V7)
                    .getSchema(
                            SchemaLocation.of(
                                    "classpath:schemas/cve/CVE_Record_Format_bundled_5.1.1.json"),
                            CONFIG);

    private OfficialSchemas() {}

    /**
     * A CSAF document the schema accepts is also kept for BSI's csaf-validator-lib, which the build
     * runs after the tests ({@code src/test/csaf-validator}): the mandatory tests of CSAF section
     * 6.1 check more than the schema can.
     */
    public static Set<ValidationMessage> violations(JsonSchema schema, JsonNode document) {
        Set<ValidationMessage> violations = schema.validate(document);
        if (schema == CSAF && violations.isEmpty()) {
            CsafDocumentsForBsiValidator.keep(document);
        }
        return violations;
    }
}
