package dev.embargo.intake.service;

import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.report.ReportStatus;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.intake.domain.PublishedProgram;
import dev.embargo.intake.domain.Report;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Whether a program takes a submission, and the report and events it becomes. Shared by the two
 * ways a report is stored: one at a time through Hibernate (with files, by email) and in batches
 * through the SQL client ({@link SubmissionBatches}).
 */
@ApplicationScoped
public class ReportAcceptance {

    private final ProgramCatalog catalog;
    private final ReporterKeys keys;
    private final FieldCipher cipher;
    private final ReporterTokens tokens;

    ReportAcceptance(
            ProgramCatalog catalog, ReporterKeys keys, FieldCipher cipher, ReporterTokens tokens) {
        this.catalog = catalog;
        this.keys = keys;
        this.cipher = cipher;
        this.tokens = tokens;
    }

    /**
     * Refuses (422) what the program cannot take: no such program ({@code program} null), an
     * encrypted description it cannot read, a scope class it does not have, a reporter key no email
     * can be encrypted to.
     */
    public void check(PublishedProgram program, NewReport submission) {
        if (program == null) {
            throw new ProblemException(
                    Problem.typed(
                            "unknown-program",
                            422,
                            "Unknown program",
                            "No program named '%s' accepts reports here."
                                    .formatted(submission.program())));
        }
        catalog.checkEncrypted(program, "description", submission.description());
        catalog.checkScopeClass(program, submission.scopeClass());
        if (submission.reporterPublicKey() != null) {
            keys.check(submission.reporterPublicKey());
        }
    }

    /**
     * The report to store under the program's revision in force: sensitive text sealed, the token
     * only as its hash.
     */
    public Report newReport(
            PublishedProgram program, NewReport submission, long number, String token) {
        return admit(sealed(submission, token), program, number);
    }

    /**
     * The report's own part, which needs neither its program nor the database: sensitive text
     * sealed, the token only as its hash. {@link SubmissionBatches} does this on the request's
     * thread, so that its writer, which stores a whole batch, only numbers and stores.
     */
    public Report sealed(NewReport submission, String token) {
        Report report = new Report();
        report.id = TimeOrderedIds.next();
        report.programSlug = submission.program();
        report.sealedTitle = cipher.seal(submission.title());
        report.sealedDescription = cipher.seal(submission.description());
        report.sealedReporterEmail =
                submission.reporterEmail() == null ? null : cipher.seal(submission.reporterEmail());
        report.sealedCreditName = cipher.seal(submission.creditName());
        report.sealedAffectedVersion = cipher.seal(submission.affectedVersion());
        report.reportedScopeClass = submission.scopeClass();
        report.reportedCvssVector = submission.cvssVector();
        report.creditPreference = submission.creditPreference();
        report.tokenHash = tokens.hash(token);
        report.status = ReportStatus.SUBMITTED;
        return report;
    }

    /**
     * The sealed report, numbered and dated as received now under the program's revision in force.
     */
    public Report admit(Report sealed, PublishedProgram program, long number) {
        // Microseconds: PostgreSQL's precision, so the event and the row carry the same instant.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        sealed.trackingId = TrackingIds.format(now, number);
        sealed.programRevision = program.revision;
        sealed.submittedAt = now.atOffset(ZoneOffset.UTC);
        sealed.updatedAt = sealed.submittedAt;
        return sealed;
    }

    /**
     * The events announcing the report, in the order they must be staged: {@code report.submitted},
     * then the reporter's key if one came, so that notify learns of the report before of its key.
     */
    public List<EventPayload> eventsOf(Report report, NewReport submission) {
        ReportSubmitted submitted =
                new ReportSubmitted(
                        report.id.toString(),
                        report.trackingId,
                        report.programSlug,
                        report.programRevision,
                        report.sealedTitle,
                        report.sealedDescription,
                        report.sealedReporterEmail,
                        report.sealedCreditName,
                        report.sealedAffectedVersion,
                        report.submittedAt.toInstant(),
                        report.reportedScopeClass,
                        report.reportedCvssVector,
                        report.creditPreference);
        return submission.reporterPublicKey() == null
                ? List.of(submitted)
                : List.of(submitted, keys.keyProvided(report, submission.reporterPublicKey()));
    }
}
