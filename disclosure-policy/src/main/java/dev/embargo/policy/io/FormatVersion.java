package dev.embargo.policy.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.policy.model.Program;
import java.util.Arrays;
import java.util.Optional;

/**
 * The versions of the program file format the loader reads, each checked against its own JSON
 * Schema. Version 2 is a superset of version 1: a version 1 tree becomes a version 2 tree by moving
 * its one OpenPGP key into {@code openPgp.keys}, and is then read into the same model.
 */
public enum FormatVersion {
    V1("embargo.dev/program/v1", "schemas/program.v1.schema.json"),
    V2(Program.API_VERSION, "schemas/program.v2.schema.json");

    private final String apiVersion;
    private final String schema;

    FormatVersion(String apiVersion, String schema) {
        this.apiVersion = apiVersion;
        this.schema = schema;
    }

    /** The {@code apiVersion} value of files in this version. */
    public String apiVersion() {
        return apiVersion;
    }

    /** The classpath resource of its JSON Schema. */
    public String schema() {
        return schema;
    }

    /** The version a program tree declares in {@code apiVersion}; empty for none this reads. */
    public static Optional<FormatVersion> of(JsonNode program) {
        String declared = program.path("apiVersion").asText();
        return Arrays.stream(values())
                .filter(version -> version.apiVersion.equals(declared))
                .findFirst();
    }

    /** The same program as a version 2 tree; a version 2 tree is returned as it is. */
    public JsonNode upgraded(JsonNode program) {
        if (this == V2) {
            return program;
        }
        ObjectNode upgraded = program.deepCopy();
        upgraded.put("apiVersion", V2.apiVersion);
        if (upgraded.get("openPgp") instanceof ObjectNode openPgp && openPgp.has("fingerprint")) {
            ObjectNode key = openPgp.putArray("keys").addObject();
            key.set("fingerprint", openPgp.remove("fingerprint"));
            if (openPgp.has("armoredKey")) {
                key.set("armoredKey", openPgp.remove("armoredKey"));
            }
        }
        return upgraded;
    }
}
