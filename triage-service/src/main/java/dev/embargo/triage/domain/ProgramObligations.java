package dev.embargo.triage.domain;

import dev.embargo.policy.model.Program;

/**
 * What a program says about CVE IDs and the EU market (program format v2's {@code cve} and {@code
 * euMarket}); a program that does not say reads as "not stated": no pool, no CRA clock.
 *
 * @param route {@code own-cna}, {@code parent-cna}, {@code other-assigner} or {@code none}; null
 *     when the program does not say
 * @param assigner who assigns its IDs: the program's CNA short name, or e.g. {@code MITRE}; null
 *     when not stated
 * @param placedOnEuMarket whether its products are placed on the EU market (the CRA clock)
 * @param manufacturerMemberState ISO 3166-1 alpha-2 code; null when not stated
 */
public record ProgramObligations(
        String route, String assigner, boolean placedOnEuMarket, String manufacturerMemberState) {

    public static final String OWN_CNA = "own-cna";
    public static final String NONE = "none";

    /** Nothing stated: an unknown program. */
    public static final ProgramObligations NOT_STATED =
            new ProgramObligations(null, null, false, null);

    public static ProgramObligations of(Program program) {
        Program.CveRoute cve = program.cve();
        Program.EuMarket euMarket = program.euMarket();
        return new ProgramObligations(
                cve == null ? null : cve.route(),
                cve == null
                        ? null
                        : cve.cnaShortName() != null ? cve.cnaShortName() : cve.assigner(),
                euMarket != null && euMarket.placedOnMarket(),
                euMarket == null ? null : euMarket.manufacturerMemberState());
    }
}
