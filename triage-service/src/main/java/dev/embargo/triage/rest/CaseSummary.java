package dev.embargo.triage.rest;

import dev.embargo.triage.domain.CiaImpact;
import dev.embargo.triage.domain.PolicyDeadline;
import dev.embargo.triage.service.ScopeDecisions;
import java.time.Instant;
import java.util.List;

/** A case as the case queue shows it. */
public record CaseSummary(
        String id,
        String reportId,
        String trackingId,
        String program,
        Integer programRevision,
        String title,
        String state,
        List<String> allowedTransitions,
        String owner,
        boolean expedited,
        /** Whether staff recorded that the issue was public when reported. */
        boolean alreadyPublic,
        String severity,
        /** The id of the policy's track the case is on; null when none. */
        String track,
        String cvssVector,
        Double cvssScore,
        /** The latest SSVC decision; null until staff make one. */
        SsvcView ssvc,
        String creditName,
        /** Why the report looks like spam; empty when nothing does. Signals only: staff decide. */
        List<String> spamSignals,
        /** How the reporter wants to be credited: name, handle or anonymous. */
        String creditPreference,
        /**
         * What the reporter claimed: the scope class and CVSS vector they chose, for staff to
         * judge.
         */
        String reportedScopeClass,
        String reportedCvssVector,
        /**
         * The program's scope class decided for the case, whether it is in scope, and the versions
         * checked.
         */
        String scopeClass,
        Boolean inScope,
        List<ScopeDecisions.CheckedVersion> versions,
        /** Confidentiality, integrity and availability impact; null until known. */
        CiaImpact ciaImpact,
        /** The case this one duplicates; null unless it is a duplicate. */
        String duplicateOf,
        String affectedVersion,
        String versionSupport,
        Instant submittedAt,
        Instant acknowledgedAt,
        /** When the fix was released; null until known. Deadlines anchored on it run from here. */
        Instant fixReleasedAt,
        /**
         * The policy's deadlines for the case; a target ({@code firm: false}) is never breached.
         */
        List<PolicyDeadline> deadlines,
        /**
         * The earliest deadline not yet met, as the deadline scheduler watches it; null when none
         * is open.
         */
        CaseDeadlineView nextDeadline,
        /**
         * Whether a deadline is breached and not yet met: what {@code ?overdue=true} filters by.
         */
        boolean overdue,
        /**
         * Since when the team's clock is paused waiting for the reporter's answer (needs_info);
         * null while it runs.
         */
        Instant pausedAt,
        /** How long the team's clock was paused in all (ISO-8601): triage and fix moved by it. */
        String pausedFor,
        /** The reporter's escalations of late steps, oldest first (the message stays sealed). */
        List<EscalationView> escalations,
        /**
         * Whether a step the reporter escalated is still open: what {@code ?escalated=true} filters
         * by.
         */
        boolean escalated) {

    /** An escalation as staff see it in the case: which step, and when it was received. */
    public record EscalationView(String step, Instant receivedAt) {}
}
