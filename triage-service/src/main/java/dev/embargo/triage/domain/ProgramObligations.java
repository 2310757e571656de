package dev.embargo.triage.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a program's file says about CVE IDs and the EU market, read from the program document
 * (format v2's {@code cve} and {@code euMarket}). Read from the JSON rather than the model so a
 * program without them, or stored before they existed, reads as "not stated".
 *
 * @param route {@code own-cna}, {@code parent-cna}, {@code other-assigner} or {@code none}; null
 *     when the program does not say
 * @param assigner who assigns its IDs, e.g. the program's CNA short name, {@code MITRE}; null when
 *     not stated
 * @param placedOnEuMarket whether its products are placed on the EU market (the CRA clock)
 * @param manufacturerMemberState ISO 3166-1 alpha-2 code; null when not stated
 */
public record ProgramObligations(
        String route, String assigner, boolean placedOnEuMarket, String manufacturerMemberState) {

    public static final String OWN_CNA = "own-cna";
    public static final String NONE = "none";

    public static ProgramObligations of(JsonNode program) {
        JsonNode cve = program.path("cve");
        JsonNode euMarket = program.path("euMarket");
        String assigner = text(cve.path("cnaShortName"));
        return new ProgramObligations(
                text(cve.path("route")),
                assigner != null ? assigner : text(cve.path("assigner")),
                euMarket.path("placedOnMarket").asBoolean(false),
                text(euMarket.path("manufacturerMemberState")));
    }

    /** Whether the program asks someone else for its IDs (and records the request). */
    public boolean requestsIds() {
        return route != null && !OWN_CNA.equals(route) && !NONE.equals(route);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
