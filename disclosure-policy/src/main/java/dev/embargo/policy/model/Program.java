package dev.embargo.policy.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * One disclosure program: a product or project, who runs it, how to reach it, where it publishes,
 * and the policy it promises to keep. Loaded from a program file ({@code deploy/programs/*.yaml}),
 * version 1 or 2; a version 1 file is read into the same model (it is a subset of version 2).
 *
 * <p>Nothing here is invented: a null field or record means the policy does not say. Lists that are
 * absent are empty, since "none stated" and "none" read the same for them.
 *
 * @param timeZone the program's time zone; null when the policy states none (dates are then counted
 *     in UTC, see {@link dev.embargo.policy.deadline.BusinessCalendar})
 * @param announcements where publication goes (feature 1 of the format): not ways to report
 * @param bugBounty whether rewards are paid; null when the policy does not say
 * @param teams the roles the policy names, such as a security response committee
 * @param cve how CVE ids are assigned; null when the policy does not say
 * @param euMarket whether the product is placed on the EU market (the CRA clock); null: not stated
 * @param releases the release list that rule rows of the supported versions table count with
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
        List<Announcement> announcements,
        BugBounty bugBounty,
        List<Team> teams,
        CveRoute cve,
        EuMarket euMarket,
        List<Release> releases,
        DisclosurePolicy policy) {

    /** The format version every program is held in; version 1 files are read into it. */
    public static final String API_VERSION = "embargo.dev/program/v2";

    public Program {
        preferredLanguages = listOrEmpty(preferredLanguages);
        contacts = listOrEmpty(contacts);
        channels = listOrEmpty(channels);
        announcements = listOrEmpty(announcements);
        teams = listOrEmpty(teams);
        releases = listOrEmpty(releases);
    }

    /**
     * A person, alias or team page of the security team; the policy may give only a name and a
     * link.
     */
    public record Contact(String name, String email, String url, String role) {}

    /**
     * The program's OpenPGP keys, or why there are none.
     *
     * @param status {@code published}, {@code forthcoming} or {@code none}
     * @param keys the keys when published: each given inline, by URL or by keyserver
     */
    public record OpenPgp(String status, List<Key> keys) {

        public OpenPgp {
            keys = listOrEmpty(keys);
        }

        /** The first armored key given inline: the one served for download; null when none is. */
        public String armoredKey() {
            return keys.stream()
                    .map(Key::armoredKey)
                    .filter(key -> key != null)
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * One OpenPGP key: its fingerprint (normalised to upper-case hex without spaces: 40 digits for
     * a v4 key, 64 for v6) and where to get it.
     */
    public record Key(
            String fingerprint,
            String armoredKey,
            String url,
            String keyserver,
            String uid,
            String note) {

        public Key {
            fingerprint = normalisedFingerprint(fingerprint);
        }

        /**
         * A fingerprint as printed ({@code "ABCD 1234 ..."}, lower case) as 40 or 64 hex digits.
         */
        public static String normalisedFingerprint(String printed) {
            return printed == null ? null : printed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        }
    }

    /**
     * A way to report: {@code web}, {@code api}, {@code email}, {@code github-private-reporting},
     * {@code chat}, or a third party's: {@code hackerone}, {@code bugcrowd}, {@code intigriti},
     * {@code portal} (a vendor's bug-hunter portal), {@code issue-tracker} (a private tracker).
     */
    public record IntakeChannel(
            String type, String address, String url, boolean preferred, String note) {}

    /**
     * Where the program publishes fixes and advisories.
     *
     * @param type {@code mailing-list}, {@code blog}, {@code rss}, {@code github-advisories},
     *     {@code distros-list}, {@code website}, {@code social} or {@code other}
     * @param address a mailing list's address
     */
    public record Announcement(String type, String name, String url, String address, String note) {}

    /**
     * Whether the program pays rewards.
     *
     * @param status {@code none} or {@code offered}
     * @param platform {@code hackerone}, {@code bugcrowd}, {@code intigriti}, {@code yeswehack} or
     *     {@code own}; null when not stated
     */
    public record BugBounty(String status, String platform, String url, String note) {}

    /**
     * A role the policy names (a security response committee, a fix lead).
     *
     * @param keycloakGroup the Keycloak group path its members are in, e.g. {@code
     *     /programs/curl/responders}
     * @param contact an address or link to reach the team
     */
    public record Team(
            String id, String name, String description, String keycloakGroup, String contact) {}

    /**
     * How the program gets CVE ids.
     *
     * @param route {@code own-cna}, {@code parent-cna}, {@code other-assigner} or {@code none}
     * @param assigner who assigns them, e.g. {@code MITRE} or {@code GitHub}
     * @param cnaShortName the program's own CNA short name
     * @param everyAcceptedIssue whether every accepted issue gets one; null when not stated
     */
    public record CveRoute(
            String route,
            String assigner,
            String cnaShortName,
            Boolean everyAcceptedIssue,
            String note) {}

    /**
     * Whether the product is placed on the EU market, for the Cyber Resilience Act's reporting
     * clock.
     *
     * @param manufacturerMemberState ISO 3166-1 alpha-2 code, e.g. {@code DE}
     */
    public record EuMarket(boolean placedOnMarket, String manufacturerMemberState) {}

    /**
     * One release of the product.
     *
     * @param lts whether it is a long-term-support release; null when not stated
     * @param endOfLife the day after which it gets no fixes
     */
    public record Release(String version, LocalDate date, Boolean lts, LocalDate endOfLife) {}

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
