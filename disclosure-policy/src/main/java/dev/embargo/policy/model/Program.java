package dev.embargo.policy.model;

import java.time.ZoneId;
import java.util.List;

/**
 * One disclosure program: a product or project, who runs it, how to reach it, and the policy it
 * promises to keep. Loaded from a program file ({@code deploy/programs/*.yaml}).
 */
public record Program(
        String apiVersion,
        String slug,
        String name,
        String description,
        ZoneId timeZone,
        List<String> preferredLanguages,
        List<Contact> contacts,
        OpenPgp openPgp,
        List<IntakeChannel> channels,
        DisclosurePolicy policy) {

    /** A person or alias of the security team. */
    public record Contact(String name, String email, String role) {}

    /**
     * The program's public OpenPGP key, or why there is none yet.
     *
     * @param status {@code published}, {@code forthcoming} or {@code none}
     * @param fingerprint the key's fingerprint when published
     * @param armoredKey the ASCII-armored public key when published
     */
    public record OpenPgp(String status, String fingerprint, String armoredKey) {}

    /**
     * A way to report: {@code web}, {@code api}, {@code email}, {@code github-private-reporting} or
     * {@code chat}, with its address or link.
     */
    public record IntakeChannel(
            String type, String address, String url, boolean preferred, String note) {}
}
