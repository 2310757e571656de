package dev.embargo.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkTest {

    @Test
    void aCopyNamesItsWatermarkVisiblyAndInvisibly() {
        Watermark watermark = Watermark.random();
        String copy =
                "Summary of the flaw."
                        + watermark.invisible()
                        + "\nCopy reference "
                        + watermark.code()
                        + ".";

        assertThat(Watermark.findIn(copy))
                .extracting(Watermark.Found::code)
                .containsOnly(watermark.code());
        assertThat(Watermark.findIn(copy))
                .extracting(Watermark.Found::carriedAs)
                .containsExactly("visible reference", "invisible mark");
    }

    @Test
    void aCopyWithItsReferenceLineCutOffStillCarriesTheInvisibleMark() {
        Watermark watermark = Watermark.random();
        String leaked =
                "Selector bypass. Attackers" + watermark.invisible() + " read other topics.";

        assertThat(Watermark.findIn(leaked))
                .containsExactly(new Watermark.Found(watermark.code(), "invisible mark"));
    }

    @Test
    void aCopyWhoseInvisibleMarkWasSerialisedAsJsonEscapesStillNamesItsWatermark() {
        Watermark watermark = Watermark.random();
        StringBuilder escaped = new StringBuilder();
        for (char mark : watermark.invisible().toCharArray()) {
            escaped.append("\\u%04x".formatted((int) mark));
        }
        String leaked = "{\"summary\":\"Selector bypass." + escaped + " Attackers read.\"}";

        assertThat(Watermark.findIn(leaked))
                .containsExactly(
                        new Watermark.Found(watermark.code(), "invisible mark as JSON escapes"));
        assertThat(Watermark.findIn(leaked.toUpperCase().replace("\\U", "\\u")))
                .extracting(Watermark.Found::code)
                .containsExactly(watermark.code());
    }

    @Test
    void theInvisibleMarkShowsNothingOnScreen() {
        assertThat(Watermark.random().invisible()).matches("[\\u2060\\u200B\\u200C]+");
    }

    @Test
    void twoCopiesGetDifferentWatermarks() {
        assertThat(Watermark.random()).isNotEqualTo(Watermark.random());
    }

    @Test
    void aTextWithoutWatermarkNamesNoOne() {
        assertThat(Watermark.findIn("A retyped copy: selector bypass, WM-notacode.")).isEmpty();
    }
}
