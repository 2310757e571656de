package dev.embargo.policy.io;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The characters program text may hold. Single-line fields (names, addresses, URLs, ids, titles)
 * hold no control character: none of C0 (tab, CR and LF included), DEL, C1, or the Unicode line and
 * paragraph separators, since one would start a new line in security.txt or a new header in an
 * e-mail. Multi-line fields (descriptions, notes, safe harbor, the legal disclaimer, the advisory
 * notes' text, the armored key) may break lines with line feeds and hold tabs, nothing else.
 */
public final class ProgramText {

    /**
     * The fields whose text may span lines, by their own name in the program file, or qualified by
     * the list they are in where the name alone (a checklist item's single-line {@code text}) would
     * say too much.
     */
    private static final Set<String> MULTI_LINE_FIELDS =
            Set.of(
                    "description",
                    "note",
                    "notes",
                    "safeHarbor",
                    "legalDisclaimer",
                    "advisoryNotes.text",
                    "armoredKey");

    private static final Pattern BREAKS_A_LINE = Pattern.compile("\\r\\n|[\\p{Cc}\\u2028\\u2029]");

    private ProgramText() {}

    /**
     * Whether a field of this name (e.g. {@code description}) may hold several lines, in an object
     * of the list or object named {@code owner} (null at the top).
     */
    public static boolean isMultiLine(String owner, String fieldName) {
        return MULTI_LINE_FIELDS.contains(fieldName)
                || MULTI_LINE_FIELDS.contains(owner + "." + fieldName);
    }

    /**
     * Whether a program field may hold the code point: line feeds and tabs only where multi-line.
     */
    public static boolean allows(int codePoint, boolean multiLine) {
        boolean control =
                Character.getType(codePoint) == Character.CONTROL
                        || codePoint == '\u2028'
                        || codePoint == '\u2029';
        return !control || multiLine && (codePoint == '\n' || codePoint == '\t');
    }

    /**
     * The text on one line, each line break or other control character replaced by a space: what
     * renderers write where a line break would start a field or header of its own. The loader
     * refuses such text already; this keeps a revision admitted before that rule harmless.
     */
    public static String singleLine(String text) {
        return text == null ? null : BREAKS_A_LINE.matcher(text).replaceAll(" ");
    }
}
