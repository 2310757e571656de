package dev.embargo.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {

    private final TextFingerprint fingerprint =
            new TextFingerprint(
                    "a key of thirty-two bytes, really".getBytes(StandardCharsets.UTF_8));

    @Test
    void wordsAreCutIntoTrigramsTheWayPgTrgmCutsThem() {
        // SELECT show_trgm('Cat') in PostgreSQL: {"  c"," ca","at ",cat}
        assertThat(TextFingerprint.trigrams("Cat"))
                .containsExactlyInAnyOrder("  c", " ca", "cat", "at ");
        assertThat(TextFingerprint.trigrams("a-b"))
                .containsExactlyInAnyOrder("  a", " a ", "  b", " b ");
    }

    @Test
    void theSameReportInOtherWordsIsALikelyDuplicate() {
        long[] first =
                fingerprint.of(
                        "Regex backtracking in the selector parser lets a crafted topic hang the"
                                + " broker");
        long[] second =
                fingerprint.of("Crafted topic selector causes regex backtracking, broker hangs");
        assertThat(TextFingerprint.similarity(first, second))
                .isGreaterThan(TextFingerprint.LIKELY_DUPLICATE);
    }

    @Test
    void anUnrelatedReportIsNot() {
        long[] first =
                fingerprint.of(
                        "Regex backtracking in the selector parser lets a crafted topic hang the"
                                + " broker");
        long[] other =
                fingerprint.of("Stored XSS in the admin dashboard via the display name field");
        assertThat(TextFingerprint.similarity(first, other)).isLessThan(0.15);
    }

    @Test
    void identicalTextsAreFullySimilarAndEmptyOnesNotAtAll() {
        long[] text = fingerprint.of("Use after free in frame decoder");
        assertThat(
                        TextFingerprint.similarity(
                                text, fingerprint.of("use-after-free in FRAME decoder!")))
                .isEqualTo(1.0);
        assertThat(TextFingerprint.similarity(text, fingerprint.of("  "))).isZero();
    }

    @Test
    void anotherKeyGivesUnrelatedNumbersForTheSameText() {
        TextFingerprint otherKey =
                new TextFingerprint(
                        "another key, another fingerprint".getBytes(StandardCharsets.UTF_8));
        String text = "Use after free in frame decoder";
        assertThat(TextFingerprint.similarity(fingerprint.of(text), otherKey.of(text))).isZero();
    }
}
