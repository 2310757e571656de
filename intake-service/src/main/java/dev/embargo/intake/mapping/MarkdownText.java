package dev.embargo.intake.mapping;

import dev.embargo.policy.io.ProgramText;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A program's text written into Markdown so that it renders as that same text: no HTML, links,
 * images, emphasis, code or blocks of its own. {@code <}, {@code >} and {@code &} become entities
 * (CommonMark shows them as the characters), inline Markdown punctuation is backslash-escaped, and
 * a line that would open a heading, list or rule has its marker escaped.
 */
final class MarkdownText {

    /** Punctuation with an inline meaning in CommonMark or GitHub's tables and strikethrough. */
    private static final String INLINE_PUNCTUATION = "\\`*_[]|~";

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern BLOCK_MARKER = Pattern.compile("^(\\d*)([#=+\\-.)])");

    private MarkdownText() {}

    /** Text that may span lines (a description): its lines are kept, each escaped. */
    static String lines(String text) {
        return Arrays.stream(LINE_BREAK.split(text, -1))
                .map(MarkdownText::line)
                .collect(Collectors.joining("\n"));
    }

    /** Text of a single line (a name, an address): any line break in it becomes a space. */
    static String line(String text) {
        String line = ProgramText.singleLine(text).stripLeading();
        StringBuilder markdown = new StringBuilder(line.length() + 16);
        var marker = BLOCK_MARKER.matcher(line);
        int from = 0;
        if (marker.find() && (marker.group(1).isEmpty() || isListNumber(marker.group(2)))) {
            markdown.append(marker.group(1)).append('\\').append(marker.group(2));
            from = marker.end();
        }
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '&' -> markdown.append("&amp;");
                case '<' -> markdown.append("&lt;");
                case '>' -> markdown.append("&gt;");
                default -> {
                    if (INLINE_PUNCTUATION.indexOf(c) >= 0) {
                        markdown.append('\\');
                    }
                    markdown.append(c);
                }
            }
        }
        return markdown.toString();
    }

    /**
     * A code span inside a table cell: fenced by more backticks than the text holds in a row, and
     * its pipes escaped, which GitHub's tables require even inside code.
     */
    static String codeInTable(String text) {
        String code = ProgramText.singleLine(text).replace("|", "\\|");
        String fence = "`".repeat(longestRunOfBackticks(code) + 1);
        String padding = code.startsWith("`") || code.endsWith("`") ? " " : "";
        return fence + padding + code + padding + fence;
    }

    private static boolean isListNumber(String delimiter) {
        return delimiter.equals(".") || delimiter.equals(")");
    }

    private static int longestRunOfBackticks(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
