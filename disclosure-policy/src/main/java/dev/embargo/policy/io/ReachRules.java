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

    static void check(JsonNode program, FormatVersion version, List<PolicyError> errors) {
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
            checkKey(keys.get(i), "openPgp.keys[" + i + "]", version, errors);
        }
    }

    /**
     * Version 2 refuses a key reporters cannot get (no armoredKey, url or keyserver); version 1
     * files, which could not give a url or keyserver, keep loading with a warning ({@link
     * ProgramWarnings}).
     */
    private static void checkKey(
            JsonNode key, String field, FormatVersion version, List<PolicyError> errors) {
        if (version == FormatVersion.V2
                && !key.has("armoredKey")
                && !key.has("url")
                && !key.has("keyserver")) {
            errors.add(
                    new PolicyError(
                            field,
                            null,
                            "a fingerprint with no key: give armoredKey, url or keyserver so that"
                                    + " reporters can get the key"));
        }
        if (key.has("fingerprint") == key.has("keyId")) {
            errors.add(
                    new PolicyError(
                            field,
                            null,
                            "a key names its fingerprint or, where the policy gives only that, its"
                                    + " keyId: one of the two"));
            return;
        }
        if (key.has("keyId")) {
            String keyId = Program.Key.normalisedFingerprint(key.path("keyId").asText());
            if (!keyId.matches("(0X)?[0-9A-F]{16}")) {
                errors.add(
                        new PolicyError(
                                field + ".keyId",
                                null,
                                "a key id has 16 hex digits (the long id), 0x and spaces allowed"));
            }
            return;
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
