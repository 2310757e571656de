package dev.embargo.policy.io;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what form a field's value takes when it does not match its schema pattern: in words, with an
 * example, and a correction where one follows from the value (never the regular expression).
 */
final class FieldForms {

    /** The forms of a duration; {@code asap} is new in version 2. */
    static String durations(boolean v1) {
        return "durations are like 72h, 7d, 5bd, 2w, "
                + (v1 ? "next-release or best-effort" : "next-release, best-effort or asap")
                + "; months are not supported";
    }

    /** A duration in words, e.g. "3 business days" or "2 weeks". */
    private static final Pattern DURATION_IN_WORDS =
            Pattern.compile(
                    "(\\d{1,4})\\s*(hours?|hrs?|days?|calendar days?|business days?|working days?"
                            + "|weeks?|wks?|months?|mo)");

    private FieldForms() {}

    /**
     * Why {@code value} does not have the {@code form} its field takes: a shared form such as
     * {@code duration} or {@code email}, else the field's own name, e.g. {@code fingerprint}.
     *
     * @param v1 whether the file is a v1 program, which writes fingerprints without spaces
     */
    static String explain(String form, String value, boolean v1) {
        String quoted = "'" + value + "'";
        return switch (form) {
            case "duration" -> quoted + " is not a duration: " + durationHint(value, v1);
            case "fingerprint" -> quoted + " is not a fingerprint: " + fingerprintHint(value, v1);
            case "keyId" ->
                    quoted + " is not a key id: 16 hex digits (the long id), 0x and spaces allowed";
            case "email" -> quoted + " is not an e-mail address such as security@example.org";
            case "url" -> quoted + " is not a web address: it starts with https://";
            case "slug" ->
                    quoted
                            + " is not a slug: 1 to 63 of a-z, 0-9 and -, starting with a letter"
                            + " or digit, e.g. acme-router";
            case "timeZone" ->
                    quoted
                            + " is not a time zone: write an IANA name such as Europe/Berlin,"
                            + " America/New_York or UTC";
            case "holidays", "date" ->
                    quoted + " is not a date: write it as YYYY-MM-DD, e.g. 2026-12-25";
            case "preferredLanguages" -> quoted + " is not a language tag such as en, de or pt-BR";
            case "armoredKey" ->
                    "is not an ASCII-armored public key: it starts with"
                            + " -----BEGIN PGP PUBLIC KEY BLOCK-----";
            case "releaseTime" -> quoted + " is not a time of day: write it as HH:MM, e.g. 14:00";
            case "manufacturerMemberState" ->
                    quoted + " is not a country code: two capital letters (ISO 3166-1), e.g. DE";
            case "keycloakGroup" ->
                    quoted + " is not a Keycloak group path such as /programs/acme/responders";
            case "reportTo" -> quoted + " is neither an https:// address nor an e-mail address";
            case "id", "name" ->
                    quoted
                            + " is not an id: lower-case letters, digits and -, starting with a"
                            + " letter, e.g. remote-code-execution";
            default -> quoted + " is not in the form this field takes";
        };
    }

    private static String durationHint(String value, boolean v1) {
        String durations = durations(v1);
        Matcher words = DURATION_IN_WORDS.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!words.matches()) {
            return durations;
        }
        int amount = Integer.parseInt(words.group(1));
        String unit = words.group(2);
        if (unit.startsWith("mo")) {
            return "months are not supported; write days, e.g. "
                    + amount * 30
                    + "d, or weeks ("
                    + durations.substring(0, durations.indexOf(';'))
                    + ")";
        }
        String symbol =
                unit.startsWith("h")
                        ? "h"
                        : unit.startsWith("w") && !unit.startsWith("working")
                                ? "w"
                                : unit.startsWith("business") || unit.startsWith("working")
                                        ? "bd"
                                        : "d";
        return "write " + amount + symbol + " (" + durations + ")";
    }

    private static String fingerprintHint(String value, boolean v1) {
        String digits = value.replaceAll("\\s", "");
        if (!digits.matches("[0-9A-Fa-f]+")) {
            return "a fingerprint is hex digits (0-9, A-F)";
        }
        if (digits.length() != 40 && digits.length() != 64) {
            return "an OpenPGP fingerprint has 40 hex digits (v4 keys) or 64 (v6 keys); this one"
                    + " has "
                    + digits.length();
        }
        return v1
                ? "a v1 program writes its hex digits in upper case without spaces ("
                        + digits.toUpperCase(Locale.ROOT)
                        + "); apiVersion embargo.dev/program/v2 accepts a fingerprint as printed,"
                        + " with spaces"
                : "write the fingerprint as printed, hex digits with or without spaces";
    }
}
