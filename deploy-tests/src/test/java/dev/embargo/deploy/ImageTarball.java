package dev.embargo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An image tarball as Jib writes it (docker-save layout: manifest.json, the config file, one
 * gzipped tar per layer), read without a container runtime: its reference, configuration and the
 * files of each layer with their owner and mode.
 */
final class ImageTarball {

    record Entry(String path, long size, int mode, int uid, char type, byte[] content) {
        boolean isFile() {
            return type == '0' || type == '\0';
        }
    }

    record Layer(String name, long compressedSize, List<Entry> entries) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    final String reference;
    final JsonNode config;
    final List<Layer> layers;

    private ImageTarball(String reference, JsonNode config, List<Layer> layers) {
        this.reference = reference;
        this.config = config;
        this.layers = layers;
    }

    /** Reads the image; file contents are kept only for paths the predicate names. */
    static ImageTarball read(Path tarball, Predicate<String> keepContent) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(tarball)) {
            for (Entry entry : entries(in, path -> true)) {
                files.put(entry.path().replaceFirst("^\\./", ""), entry.content());
            }
        }
        if (!files.containsKey("manifest.json")) {
            throw new IllegalStateException(
                    tarball + " is not a docker-save image (no manifest.json)");
        }
        return dockerSave(files, keepContent);
    }

    /** docker-save: manifest.json names the config file and the layer files, in order. */
    private static ImageTarball dockerSave(Map<String, byte[]> files, Predicate<String> keepContent)
            throws IOException {
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(files.get(manifest.get("Config").asText()));
        List<Layer> layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("Layers")) {
            layers.add(layer(layer.asText(), files.get(layer.asText()), keepContent));
        }
        return new ImageTarball(manifest.get("RepoTags").get(0).asText(), config, layers);
    }

    private static Layer layer(String name, byte[] compressed, Predicate<String> keepContent)
            throws IOException {
        try (InputStream unzipped =
                new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return new Layer(name, compressed.length, entries(unzipped, keepContent));
        }
    }

    /** A plain tar reader: ustar and GNU headers, GNU long names and PAX paths. */
    private static List<Entry> entries(InputStream in, Predicate<String> keepContent)
            throws IOException {
        List<Entry> entries = new ArrayList<>();
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(512);
            if (header.length < 512 || header[0] == 0) {
                return entries;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty() && "ustar".equals(text(header, 257, 5))) {
                name = prefix + "/" + name;
            }
            int mode = (int) octal(header, 100, 8);
            int uid = (int) octal(header, 108, 8);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            byte[] content = in.readNBytes((int) size);
            in.readNBytes((int) ((512 - size % 512) % 512));
            if (type == 'L') {
                longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                continue;
            }
            if (type == 'x') {
                longName = paxPath(new String(content, StandardCharsets.UTF_8));
                continue;
            }
            if (longName != null) {
                name = longName;
                longName = null;
            }
            String path = name.replaceFirst("^\\./", "").replaceFirst("/$", "");
            entries.add(
                    new Entry(
                            path,
                            size,
                            mode,
                            uid,
                            type,
                            keepContent.test(path) ? content : new byte[0]));
        }
    }

    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
