package dev.embargo.triage.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a CRA Article 14 notification says. Each kind reports the fields its paragraph names (see
 * {@link #fieldsOf}); a field not known yet is null.
 *
 * @param product the product with digital elements concerned
 * @param natureOfVulnerability the general nature of the exploited vulnerability (or of the
 *     incident) and of the exploit
 * @param suspectedMaliciousUse whether malicious or unlawful use is suspected, and what is known
 * @param memberStatesConcerned ISO 3166-1 alpha-2 codes of the member states where the product is
 *     made available
 * @param severityAndImpact the severity and impact
 * @param correctiveMeasures corrective or mitigating measures taken or made available
 * @param userMeasures corrective or mitigating measures users can take
 * @param sensitivity how sensitive the team considers the notified information
 * @param maliciousActor what is known of a malicious actor exploiting it
 * @param rootCause the root cause, or the type of threat that likely triggered an incident
 * @param measuresApplied the measures applied (the security update, applied and ongoing mitigation)
 */
public record CraNotificationContent(
        String product,
        String natureOfVulnerability,
        String suspectedMaliciousUse,
        List<String> memberStatesConcerned,
        String severityAndImpact,
        String correctiveMeasures,
        String userMeasures,
        String sensitivity,
        String maliciousActor,
        String rootCause,
        String measuresApplied) {

    public CraNotificationContent {
        memberStatesConcerned =
                memberStatesConcerned == null ? List.of() : List.copyOf(memberStatesConcerned);
    }

    /**
     * The fields Article 14 asks of the kind, labelled, in the order the text export gives them.
     */
    public Map<String, String> fieldsOf(CraNotificationKind kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Product concerned", orBlank(product));
        if (kind != CraNotificationKind.EARLY_WARNING) {
            fields.put("Nature of the vulnerability or incident", orBlank(natureOfVulnerability));
        }
        fields.put("Suspected malicious use", orBlank(suspectedMaliciousUse));
        fields.put("Member states concerned", String.join(", ", memberStatesConcerned));
        if (kind == CraNotificationKind.NOTIFICATION) {
            fields.put("Corrective or mitigating measures taken", orBlank(correctiveMeasures));
            fields.put("Measures users can take", orBlank(userMeasures));
            fields.put("Sensitivity of the information", orBlank(sensitivity));
        }
        if (kind == CraNotificationKind.FINAL_REPORT) {
            fields.put("Severity and impact", orBlank(severityAndImpact));
            fields.put("Malicious actor", orBlank(maliciousActor));
            fields.put("Root cause", orBlank(rootCause));
            fields.put("Corrective measures made available", orBlank(correctiveMeasures));
            fields.put("Measures applied", orBlank(measuresApplied));
        }
        return fields;
    }

    private static String orBlank(String value) {
        return value == null ? "" : value;
    }
}
