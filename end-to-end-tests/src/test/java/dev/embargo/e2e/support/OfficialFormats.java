package dev.embargo.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The standards' own checks of documents fetched from the running stack, as advisory's tests run
 * them: CSAF by BSI's csaf-validator-lib (the strict schema and every mandatory test of CSAF
 * section 6.1, run by Node.js from advisory's {@code src/test/csaf-validator}, whose packages
 * advisory's build installs), OSV and CVE records by the official schemas advisory's tests vendor.
 */
public final class OfficialFormats {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final Path csafValidator;
    private final JsonSchema osv;
    private final JsonSchema cve;

    public OfficialFormats(RunningStack stack) {
        Path advisory = stack.launcher().settings().repository().resolve("advisory-service");
        this.csafValidator = advisory.resolve("src/test/csaf-validator");
        Path schemas = advisory.resolve("src/test/resources/schemas");
        this.osv = schema(VersionFlag.V202012, schemas.resolve("osv/schema.json"));
        // The bundled CVE schema inlines every schema it uses, and declares draft-07.
        this.cve =
                schema(VersionFlag.V7, schemas.resolve("cve/CVE_Record_Format_bundled_5.1.1.json"));
    }

    /** What the CVE Record Format 5.1.1 schema finds wrong with the record; empty when valid. */
    public Set<ValidationMessage> cveViolations(JsonNode record) {
        return cve.validate(record);
    }

    /** What the OSV schema finds wrong with the record; empty when valid. */
    public Set<ValidationMessage> osvViolations(JsonNode record) {
        return osv.validate(record);
    }

    /**
     * Runs csaf-validator-lib on the CSAF documents (by a name for the report).
     *
     * @return the validator's verdict: passed, and what it printed (each refused document's failed
     *     tests)
     */
    public Verdict csafVerdict(Map<String, JsonNode> documents) {
        if (!Files.isDirectory(csafValidator.resolve("node_modules"))) {
            throw new IllegalStateException(
                    "csaf-validator-lib is not installed in "
                            + csafValidator
                            + ": build advisory-service (its build runs npm ci) first");
        }
        try {
            Path folder = Files.createTempDirectory("e2e-csaf-");
            for (Map.Entry<String, JsonNode> document : documents.entrySet()) {
                JSON.writeValue(
                        folder.resolve(document.getKey() + ".json").toFile(), document.getValue());
            }
            Process node =
                    new ProcessBuilder("node", "validate.mjs", folder.toString())
                            .directory(csafValidator.toFile())
                            .redirectErrorStream(true)
                            .start();
            String output =
                    new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException("csaf-validator-lib did not finish in 60 s");
            }
            return new Verdict(node.exitValue() == 0, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSAF validator's answer: whether every document passed, and what it printed. */
    public record Verdict(boolean passed, String output) {}

    private static JsonSchema schema(VersionFlag version, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(version).getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
