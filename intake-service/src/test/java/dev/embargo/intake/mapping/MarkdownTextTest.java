package dev.embargo.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Program text in SECURITY.md renders as the same text, whatever Markdown or HTML it holds. */
class MarkdownTextTest {

    @Test
    void htmlAndInlineMarkdownBecomeText() {
        assertThat(MarkdownText.line("<b>x</b> & *y* [z](u) `c` a|b ~d~ \\"))
                .isEqualTo(
                        "&lt;b&gt;x&lt;/b&gt; &amp; \\*y\\* \\[z\\](u) \\`c\\` a\\|b \\~d\\~ \\\\");
    }

    @Test
    void aLineThatWouldOpenAHeadingListOrRuleIsEscaped() {
        assertThat(MarkdownText.lines("# Title\r\n- item\n  1. first\n---\n2026-12-25 stays"))
                .isEqualTo("\\# Title\n\\- item\n1\\. first\n\\---\n2026-12-25 stays");
    }

    @Test
    void aSingleLineFieldKeepsToOneLine() {
        assertThat(MarkdownText.line("a\r\nb\u2028c")).isEqualTo("a b c");
    }

    @Test
    void aVersionWithBackticksAndPipesStaysOneCodeSpanInItsCell() {
        assertThat(MarkdownText.codeInTable("<1.0")).isEqualTo("`<1.0`");
        assertThat(MarkdownText.codeInTable("1.0`|x")).isEqualTo("``1.0`\\|x``");
        assertThat(MarkdownText.codeInTable("`v1")).isEqualTo("`` `v1 ``");
    }
}
