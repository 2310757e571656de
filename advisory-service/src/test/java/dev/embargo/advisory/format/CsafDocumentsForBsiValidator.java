package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes each CSAF document the tests check into the folder the build's {@code validate.mjs} reads
 * (system property {@code embargo.csaf.documents}, set by surefire); named by its SHA-256 so that a
 * document checked twice is validated once. Outside the build (an IDE) nothing is kept.
 */
final class CsafDocumentsForBsiValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CsafDocumentsForBsiValidator() {}

    static void keep(JsonNode document) {
        String folder = System.getProperty("embargo.csaf.documents");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
            Path target = Path.of(folder).resolve(sha256(bytes) + ".json");
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
