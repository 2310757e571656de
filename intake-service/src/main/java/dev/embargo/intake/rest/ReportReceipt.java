package dev.embargo.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a submission. {@code reporterToken} appears here once and never again: it is the
 * reporter's key to the status URL (send it as {@code Authorization: Bearer}).
 */
public record ReportReceipt(
        String trackingId,
        String status,
        @Schema(
                        description =
                                "The report's status in the API; read it with 'Authorization:"
                                        + " Bearer <reporterToken>'.")
                String statusUrl,
        @Schema(
                        description =
                                "The reporter's status page, the token in its fragment (#token=…),"
                                    + " which browsers never send to a server: whoever holds this"
                                    + " link can follow the report. Shown once, like the token.")
                String statusPage,
        @Schema(description = "The reporter's key to the report; shown once.")
                String reporterToken) {}
