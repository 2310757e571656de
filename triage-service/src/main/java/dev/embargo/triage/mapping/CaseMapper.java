package dev.embargo.triage.mapping;

import dev.embargo.triage.domain.CaseAuditEntry;
import dev.embargo.triage.domain.CaseDeadline;
import dev.embargo.triage.domain.CaseEscalation;
import dev.embargo.triage.domain.CaseLifecycle;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.SsvcRecord;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.rest.AuditLineView;
import dev.embargo.triage.rest.CaseDeadlineView;
import dev.embargo.triage.rest.CaseSummary;
import dev.embargo.triage.rest.ReportTextView;
import dev.embargo.triage.rest.ReporterView;
import dev.embargo.triage.rest.SimilarCaseView;
import dev.embargo.triage.rest.SsvcView;
import dev.embargo.triage.service.CaseEscalations;
import dev.embargo.triage.service.CaseService;
import dev.embargo.triage.service.Duplicates;
import dev.embargo.triage.service.ScopeDecisions;
import dev.embargo.triage.service.SsvcDecisions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Between the wire and the domain: entities never leave the service as they are. */
@ApplicationScoped
public class CaseMapper {

    private final CaseService service;
    private final ScopeDecisions scopes;
    private final SsvcDecisions ssvc;

    CaseMapper(CaseService service, ScopeDecisions scopes, SsvcDecisions ssvc) {
        this.service = service;
        this.scopes = scopes;
        this.ssvc = ssvc;
    }

    /**
     * A case with its open deadlines (not yet met, earliest due first), from which the queue's next
     * deadline and overdue mark come.
     */
    public CaseSummary toSummary(
            VulnerabilityCase vulnerabilityCase,
            List<CaseDeadline> open,
            List<CaseEscalation> escalations) {
        return new CaseSummary(
                vulnerabilityCase.id.toString(),
                vulnerabilityCase.reportId.toString(),
                vulnerabilityCase.trackingId,
                vulnerabilityCase.programSlug,
                vulnerabilityCase.programRevision,
                service.open(vulnerabilityCase.sealedTitle),
                vulnerabilityCase.state.wireName(),
                CaseLifecycle.allowedFrom(vulnerabilityCase.state).stream()
                        .map(CaseState::wireName)
                        .toList(),
                vulnerabilityCase.owner,
                vulnerabilityCase.expedited,
                vulnerabilityCase.alreadyPublic,
                vulnerabilityCase.severity,
                vulnerabilityCase.track,
                vulnerabilityCase.cvssVector,
                vulnerabilityCase.cvssScore,
                toView(ssvc.of(vulnerabilityCase), vulnerabilityCase.expedited),
                service.openClaim(vulnerabilityCase.sealedCreditName),
                vulnerabilityCase.spamSignals == null
                        ? List.of()
                        : List.of(vulnerabilityCase.spamSignals.split(",")),
                vulnerabilityCase.creditPreference,
                vulnerabilityCase.reportedScopeClass,
                vulnerabilityCase.reportedCvssVector,
                vulnerabilityCase.scopeClass,
                vulnerabilityCase.inScope,
                scopes.versionsOf(vulnerabilityCase),
                vulnerabilityCase.ciaImpact(),
                vulnerabilityCase.duplicateOf == null
                        ? null
                        : vulnerabilityCase.duplicateOf.toString(),
                service.openClaim(vulnerabilityCase.sealedAffectedVersion),
                vulnerabilityCase.versionSupport == null
                        ? null
                        : vulnerabilityCase
                                .versionSupport
                                .name()
                                .toLowerCase(java.util.Locale.ROOT),
                instant(vulnerabilityCase.submittedAt),
                instant(vulnerabilityCase.acknowledgedAt),
                instant(vulnerabilityCase.fixReleasedAt),
                service.deadlinesOf(vulnerabilityCase),
                nextDeadline(open).map(this::toView).orElse(null),
                open.stream().anyMatch(CaseDeadline::overdue),
                instant(vulnerabilityCase.pausedAt),
                vulnerabilityCase.pausedFor().toString(),
                escalations.stream()
                        .map(
                                escalation ->
                                        new CaseSummary.EscalationView(
                                                escalation.step, escalation.receivedAt.toInstant()))
                        .toList(),
                CaseEscalations.open(escalations, open));
    }

    private static SsvcView toView(SsvcRecord record, boolean expedited) {
        return record == null
                ? null
                : new SsvcView(
                        record.decision(),
                        record.coordinatorTriage(),
                        record.decidedBy(),
                        record.decidedAt(),
                        record.activelyExploited() && !expedited);
    }

    /** The earliest open deadline: a breached one comes first, as it was due first. */
    static java.util.Optional<CaseDeadline> nextDeadline(List<CaseDeadline> open) {
        return open.stream()
                .filter(deadline -> deadline.settledAt == null && deadline.dueAt != null)
                .min(java.util.Comparator.comparing(deadline -> deadline.dueAt));
    }

    public SimilarCaseView toView(Duplicates.Suggestion suggestion) {
        VulnerabilityCase candidate = suggestion.candidate();
        return new SimilarCaseView(
                candidate.id.toString(),
                candidate.trackingId,
                service.open(candidate.sealedTitle),
                candidate.state.wireName(),
                Math.round(suggestion.similarity() * 1000) / 1000.0);
    }

    public ReporterView toReporterView(VulnerabilityCase reported) {
        return new ReporterView(
                reported.id.toString(),
                reported.trackingId,
                service.openClaim(reported.sealedCreditName),
                instant(reported.submittedAt),
                reported.duplicateOf != null);
    }

    public CaseDeadlineView toView(CaseDeadline deadline) {
        return new CaseDeadlineView(
                deadline.step,
                instant(deadline.dueAt),
                deadline.standing(),
                instant(deadline.warnedAt),
                instant(deadline.breachedAt),
                instant(deadline.settledAt),
                deadline.updatesSent,
                deadline.firm);
    }

    public AuditLineView toView(CaseAuditEntry entry, String detail) {
        return new AuditLineView(entry.at.toInstant(), entry.actor, entry.action, detail);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The reporter's text, opened for staff who may see the case. */
    public ReportTextView toReportText(VulnerabilityCase vulnerabilityCase) {
        return new ReportTextView(
                vulnerabilityCase.trackingId,
                service.open(vulnerabilityCase.sealedTitle),
                service.open(vulnerabilityCase.sealedDescription),
                "/api/v1/staff/reports/" + vulnerabilityCase.trackingId + "/attachments");
    }
}
