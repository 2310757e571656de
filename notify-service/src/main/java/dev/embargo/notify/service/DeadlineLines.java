package dev.embargo.notify.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.report.Deadline;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The policy's deadlines as lines a reporter reads: "Triage: by 2026-12-11 18:00 UTC". */
@ApplicationScoped
public class DeadlineLines {

    public static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> LABELS =
            Map.ofEntries(
                    Map.entry("triage", "Triage"),
                    Map.entry("status_update", "First status update"),
                    Map.entry("fix", "Fix"),
                    Map.entry("pre_release", "Partners may be told from"),
                    Map.entry("disclosure", "Coordinated disclosure"),
                    Map.entry("post_mortem", "Post-mortem"));

    /** The regulatory clocks' steps, which only the team hears about (never in reporter lines). */
    private static final Map<String, String> STAFF_LABELS =
            Map.ofEntries(
                    Map.entry("cve_record_target", "CVE record (target: 24 h after disclosure)"),
                    Map.entry("cve_record", "CVE record (72 h after disclosure)"),
                    Map.entry("cra_early_warning", "EU CRA early warning"),
                    Map.entry("cra_notification", "EU CRA vulnerability or incident notification"),
                    Map.entry("cra_final_report", "EU CRA final report"));

    private final ObjectMapper json;

    DeadlineLines(ObjectMapper json) {
        this.json = json;
    }

    /** The deadlines after the acknowledgement itself, as JSON lines to store with the delivery. */
    public String fromEvent(List<Deadline> deadlines) {
        List<Line> lines =
                deadlines.stream()
                        .filter(date -> LABELS.containsKey(date.step()))
                        .map(
                                date ->
                                        new Line(
                                                LABELS.get(date.step()),
                                                date.dueAt() != null
                                                        ? "by " + WHEN.format(date.dueAt())
                                                        : openEnded(date.promised())))
                        .toList();
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lines always serialize", e);
        }
    }

    /** What people call a step: "Triage", "Coordinated disclosure". */
    public static String labelOf(String step) {
        return LABELS.getOrDefault(step, STAFF_LABELS.getOrDefault(step, step));
    }

    public List<Line> read(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, new TypeReference<List<Line>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable deadlines", e);
        }
    }

    private static String openEnded(String promised) {
        if (promised == null) {
            return "once the severity is known";
        }
        return switch (promised.toLowerCase(Locale.ROOT)) {
            case "next-release" -> "with the next release";
            case "best-effort" -> "best effort, no fixed date";
            default -> "once the release date is known";
        };
    }

    /** One line of the email. */
    @TemplateData
    public record Line(String label, String when) {}
}
