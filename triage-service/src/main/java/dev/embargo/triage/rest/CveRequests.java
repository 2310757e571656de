package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The request bodies of the CVE ID endpoints. */
public final class CveRequests {

    private static final String CVE_ID = "CVE-[0-9]{4}-[0-9]{4,19}";
    private static final String CVE_ID_MESSAGE = "must be a CVE ID, e.g. CVE-2026-12345";

    private CveRequests() {}

    /** IDs an own CNA reserved in CVE Services, one or a whole imported list. */
    public record Reserve(
            @NotEmpty @Size(max = 1000)
                    List<@NotBlank @Pattern(regexp = CVE_ID, message = CVE_ID_MESSAGE) String>
                            cveIds) {}

    /** Assigns a reserved ID to a case: the one named, or the pool's lowest free one. */
    public record Assign(@Pattern(regexp = CVE_ID, message = CVE_ID_MESSAGE) String cveId) {}

    /** The team asked another assigner for an ID. */
    public record Request(
            @NotBlank @Size(max = 200) String from,
            @Size(max = 500) String reference,
            Instant requestedAt) {}

    /** The ID another assigner gave. */
    public record Arrived(
            @NotBlank @Pattern(regexp = CVE_ID, message = CVE_ID_MESSAGE) String cveId) {}
}
