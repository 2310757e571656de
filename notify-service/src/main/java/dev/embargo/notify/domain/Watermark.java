package dev.embargo.notify.domain;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark that makes each partner's copy of a pre-advisory its own, so a leaked copy names its
 * recipient. Carried twice: visibly (a reference such as {@code WM-7K2QF9XMRA} in the copy's
 * distribution line) and invisibly (the same code as zero-width characters after the summary and
 * the description), so a copy with the reference line cut off still carries it. A copy retyped by
 * hand carries neither: watermarks catch careless leaks, not determined ones. A copy pasted through
 * a JSON (or JavaScript) serialiser may carry the invisible mark as escapes (<code>&#92;u200b
 * </code>); those are read as the characters they stand for.
 */
public record Watermark(String code) {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    private static final Pattern VISIBLE = Pattern.compile("WM-[" + ALPHABET + "]{10}");
    private static final char FRAME = '\u2060';
    private static final char ZERO = '\u200B';
    private static final char ONE = '\u200C';
    private static final Pattern INVISIBLE =
            Pattern.compile(FRAME + "([" + ZERO + ONE + "]+)" + FRAME);
    private static final Pattern ESCAPED_MARK_CHARACTER = Pattern.compile("\\\\+u(200[bBcC]|2060)");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Watermark random() {
        StringBuilder code = new StringBuilder("WM-");
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new Watermark(code.toString());
    }

    /**
     * The code as zero-width characters: 5 bits per character of the code, framed by word joiners.
     */
    public String invisible() {
        StringBuilder bits = new StringBuilder().append(FRAME);
        for (char c : code.substring(3).toCharArray()) {
            int value = ALPHABET.indexOf(c);
            for (int bit = 4; bit >= 0; bit--) {
                bits.append(((value >> bit) & 1) == 1 ? ONE : ZERO);
            }
        }
        return bits.append(FRAME).toString();
    }

    /** Every watermark code found in a text, visible or invisible, in the order found. */
    public static Set<Found> findIn(String text) {
        Set<Found> found = new LinkedHashSet<>();
        Matcher visible = VISIBLE.matcher(text);
        while (visible.find()) {
            found.add(new Found(visible.group(), "visible reference"));
        }
        found.addAll(invisibleIn(text, "invisible mark"));
        String unescaped =
                ESCAPED_MARK_CHARACTER
                        .matcher(text)
                        .replaceAll(
                                escape ->
                                        String.valueOf(
                                                (char) Integer.parseInt(escape.group(1), 16)));
        if (!unescaped.equals(text)) {
            found.addAll(invisibleIn(unescaped, "invisible mark as JSON escapes"));
        }
        return found;
    }

    private static Set<Found> invisibleIn(String text, String carriedAs) {
        Set<Found> found = new LinkedHashSet<>();
        Matcher invisible = INVISIBLE.matcher(text);
        while (invisible.find()) {
            String bits = invisible.group(1);
            if (bits.length() % 5 != 0) {
                continue;
            }
            StringBuilder code = new StringBuilder("WM-");
            boolean valid = true;
            for (int i = 0; i < bits.length(); i += 5) {
                int value = 0;
                for (int bit = 0; bit < 5; bit++) {
                    value = value << 1 | (bits.charAt(i + bit) == ONE ? 1 : 0);
                }
                valid &= value < ALPHABET.length();
                code.append(valid ? ALPHABET.charAt(value) : '?');
            }
            if (valid) {
                found.add(new Found(code.toString(), carriedAs));
            }
        }
        return found;
    }

    /** A code found in a text and how it was carried. */
    public record Found(String code, String carriedAs) {}
}
