package dev.embargo.triage.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed fingerprint of a report's text, for finding likely duplicates without keeping the text in
 * the clear. It is the set of the text's trigrams as PostgreSQL's pg_trgm takes them (each word
 * lower-cased and padded, {@code " word "}), each replaced by the first 8 bytes of its HMAC-SHA256
 * under a key derived from the encryption key. Similar texts share trigrams, so their fingerprints
 * overlap the way pg_trgm's similarity measures (shared / all trigrams); the database only ever
 * sees numbers it cannot turn back into words without the key.
 */
public final class TextFingerprint {

    /** pg_trgm's default similarity threshold. */
    public static final double LIKELY_DUPLICATE = 0.3;

    private final byte[] key;

    public TextFingerprint(byte[] key) {
        this.key = key.clone();
    }

    /** The fingerprint of {@code text}: sorted, distinct keyed trigram hashes. */
    public long[] of(String text) {
        Set<Long> hashes = new TreeSet<>();
        Mac mac = mac();
        for (String trigram : trigrams(text)) {
            byte[] digest = mac.doFinal(trigram.getBytes(StandardCharsets.UTF_8));
            hashes.add(ByteBuffer.wrap(digest, 0, Long.BYTES).getLong());
        }
        return hashes.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * pg_trgm's similarity of two fingerprints: shared trigrams over all trigrams, 0 when either is
     * empty.
     */
    public static double similarity(long[] first, long[] second) {
        if (first.length == 0 || second.length == 0) {
            return 0;
        }
        long[] sortedSecond = second.clone();
        Arrays.sort(sortedSecond);
        long shared =
                Arrays.stream(first)
                        .distinct()
                        .filter(hash -> Arrays.binarySearch(sortedSecond, hash) >= 0)
                        .count();
        long all =
                Arrays.stream(first).distinct().count()
                        + Arrays.stream(second).distinct().count()
                        - shared;
        return (double) shared / all;
    }

    /**
     * The trigrams pg_trgm would take: per word of letters and digits, lower-cased, with two spaces
     * before and one after.
     */
    static Set<String> trigrams(String text) {
        Set<String> trigrams = new TreeSet<>();
        if (text == null) {
            return trigrams;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                trigrams.add(padded.substring(i, i + 3));
            }
        }
        return trigrams;
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
