package dev.embargo.policy.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embargo.policy.model.Program;
import java.util.List;
import java.util.Set;

/**
 * The rules about how to reach a program that its schema cannot state: third-party channels have a
 * link, contacts an address or a link, and every OpenPGP key a way to get it.
 */
final class ReachRules {

    /** Channel types run by someone else: only their link tells a reporter where to go. */
    static final Set<String> THIRD_PARTY_CHANNELS =
            Set.of("hackerone", "bugcrowd", "intigriti", "portal", "issue-tracker");

    private ReachRules() {}

    static void check(JsonNode program, List<PolicyError> errors) {
        JsonNode channels = program.path("channels");
        for (int i = 0; i < channels.size(); i++) {
            String type = channels.get(i).path("type").asText();
            if (THIRD_PARTY_CHANNELS.contains(type) && !channels.get(i).has("url")) {
                errors.add(
                        new PolicyError(
                                "channels[" + i + "].url",
                                null,
                                "a "
                                        + type
                                        + " channel needs the url of the program's page there"));
            }
        }
        JsonNode contacts = program.path("contacts");
        for (int i = 0; i < contacts.size(); i++) {
            if (!contacts.get(i).has("email") && !contacts.get(i).has("url")) {
                errors.add(
                        new PolicyError(
                                "contacts[" + i + "]", null, "a contact needs an email or a url"));
            }
        }
        JsonNode keys = program.path("openPgp").path("keys");
        for (int i = 0; i < keys.size(); i++) {
            checkKey(keys.get(i), "openPgp.keys[" + i + "]", errors);
        }
    }

    private static void checkKey(JsonNode key, String field, List<PolicyError> errors) {
        if (!key.has("armoredKey") && !key.has("url") && !key.has("keyserver")) {
            errors.add(
                    new PolicyError(
                            field,
                            null,
                            "a fingerprint with no key: give armoredKey, url or keyserver so that"
                                    + " reporters can get the key"));
        }
        String fingerprint = Program.Key.normalisedFingerprint(key.path("fingerprint").asText());
        if (!fingerprint.matches("[0-9A-F]{40}|[0-9A-F]{64}")) {
            errors.add(
                    new PolicyError(
                            field + ".fingerprint",
                            null,
                            "has "
                                    + fingerprint.length()
                                    + " hex digits; a fingerprint has 40 (v4 key) or 64 (v6"
                                    + " key), spaces allowed as printed"));
        }
    }
}
