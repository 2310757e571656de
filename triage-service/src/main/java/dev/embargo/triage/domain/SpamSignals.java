package dev.embargo.triage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a report looks like spam, for staff to see before they read it — signals, never a verdict:
 * only staff move a case to spam. No third party is asked; the text never leaves triage.
 */
public final class SpamSignals {

    private static final Pattern LINK = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADVERTISING =
            Pattern.compile(
                    "\\b(casino|viagra|cialis|payday loan|backlinks?|seo services|crypto"
                            + " giveaway|forex signals|escort)\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final int FEW_CHARACTERS = 40;
    private static final int MANY_LINKS = 5;

    private SpamSignals() {}

    /** The signals the title and description give; empty when none. */
    public static List<String> of(String title, String description) {
        List<String> signals = new ArrayList<>();
        String text =
                (title == null ? "" : title) + "\n" + (description == null ? "" : description);
        if (description == null || description.strip().length() < FEW_CHARACTERS) {
            signals.add("almost no description");
        }
        if (count(LINK.matcher(text)) >= MANY_LINKS) {
            signals.add("many links");
        }
        if (ADVERTISING.matcher(text).find()) {
            signals.add("advertising words");
        }
        if (shouting(title)) {
            signals.add("title in capitals");
        }
        return signals;
    }

    private static int count(Matcher matcher) {
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    private static boolean shouting(String title) {
        if (title == null) {
            return false;
        }
        long letters = title.chars().filter(Character::isLetter).count();
        long capitals = title.chars().filter(Character::isUpperCase).count();
        return letters >= 10 && capitals * 10 >= letters * 8;
    }
}
