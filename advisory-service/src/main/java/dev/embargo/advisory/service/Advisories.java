package dev.embargo.advisory.service;

import dev.embargo.advisory.config.AdvisoryConfig;
import dev.embargo.advisory.domain.Advisory;
import dev.embargo.advisory.domain.AdvisoryAudit;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryRevision;
import dev.embargo.advisory.domain.AdvisoryState;
import dev.embargo.advisory.domain.PartnerStatement;
import dev.embargo.advisory.domain.PostMortem;
import dev.embargo.advisory.domain.TrackedReport;
import dev.embargo.advisory.repository.AdvisoryAuditRepository;
import dev.embargo.advisory.repository.AdvisoryRepository;
import dev.embargo.advisory.repository.AdvisoryRevisionRepository;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.deadline.BusinessCalendar;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.Program;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Drafting and revising advisories. Every edit is a new sealed revision; none is changed
 * afterwards. An edit of a published advisory is published at once as its next version.
 */
@ApplicationScoped
public class Advisories {

    /**
     * Triage states in which a case's vulnerability is confirmed, so an advisory may be drafted.
     */
    private static final Set<String> DRAFTABLE =
            Set.of("accepted", "fixing", "pre_release", "published", "post_mortem");

    private final AdvisoryRepository advisories;
    private final AdvisoryRevisionRepository revisions;
    private final AdvisoryAuditRepository auditEntries;
    private final LifecycleProjection reports;
    private final ProgramViews programs;
    private final PartnerStatements partnerStatements;
    private final Publication publication;
    private final SigningKeys signingKeys;
    private final AuditTrail audit;
    private final SealedJson sealed;
    private final AdvisoryConfig config;

    Advisories(
            AdvisoryRepository advisories,
            AdvisoryRevisionRepository revisions,
            AdvisoryAuditRepository auditEntries,
            LifecycleProjection reports,
            ProgramViews programs,
            PartnerStatements partnerStatements,
            Publication publication,
            SigningKeys signingKeys,
            AuditTrail audit,
            SealedJson sealed,
            AdvisoryConfig config) {
        this.advisories = advisories;
        this.revisions = revisions;
        this.auditEntries = auditEntries;
        this.reports = reports;
        this.programs = programs;
        this.partnerStatements = partnerStatements;
        this.publication = publication;
        this.signingKeys = signingKeys;
        this.audit = audit;
        this.sealed = sealed;
        this.config = config;
    }

    /**
     * Drafts the advisory of a case, known by its report's tracking id: title, severity, CVSS and
     * the CVE ID come from the report and triage; the rest is the publisher's to write.
     */
    public Uni<AdvisoryDetails> draft(String trackingId, String actor, Predicate<String> visible) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Transactions.inTransaction(
                () ->
                        reports.byTrackingId(trackingId)
                                .chain(
                                        report -> {
                                            if (report == null
                                                    || !visible.test(report.programSlug)) {
                                                throw AdvisoryProblems.notFound(
                                                        "No report " + trackingId + ".");
                                            }
                                            if (report.caseState == null
                                                    || !DRAFTABLE.contains(report.caseState)) {
                                                throw AdvisoryProblems.conflict(
                                                        "case-not-accepted",
                                                        "The case of "
                                                                + trackingId
                                                                + " is "
                                                                + (report.caseState == null
                                                                        ? "not yet triaged"
                                                                        : report.caseState)
                                                                + "; advisories are drafted for"
                                                                + " accepted cases.");
                                            }
                                            return advisories
                                                    .find("reportId", report.reportId)
                                                    .firstResult()
                                                    .chain(
                                                            existing -> {
                                                                if (existing != null) {
                                                                    throw AdvisoryProblems.conflict(
                                                                            "advisory-exists",
                                                                            trackingId
                                                                                    + " already has"
                                                                                    + " advisory "
                                                                                    + existing.publicId
                                                                                    + ".");
                                                                }
                                                                return advisories
                                                                        .nextNumber()
                                                                        .chain(
                                                                                number ->
                                                                                        create(
                                                                                                report,
                                                                                                number,
                                                                                                actor,
                                                                                                now));
                                                            });
                                        }));
    }

    private Uni<AdvisoryDetails> create(
            TrackedReport report, long number, String actor, Instant now) {
        Advisory advisory = new Advisory();
        advisory.id = TimeOrderedIds.next();
        advisory.publicId = publicId(number, now);
        advisory.programSlug = report.programSlug;
        advisory.reportId = report.reportId;
        advisory.trackingId = report.trackingId;
        advisory.state = AdvisoryState.DRAFT;
        advisory.currentRevision = 1;
        advisory.createdBy = actor;
        advisory.createdAt = now.atOffset(ZoneOffset.UTC);
        advisory.updatedAt = advisory.createdAt;
        boolean triagedWithCvss4 =
                report.cvssVector != null && report.cvssVector.startsWith("CVSS:4.0/");
        AdvisoryContent first =
                AdvisoryContent.builder()
                        .title(
                                report.sealedTitle == null
                                        ? null
                                        : sealed.openText(report.sealedTitle))
                        .cveId(report.cveId)
                        .cvssVector(triagedWithCvss4 ? null : report.cvssVector)
                        .cvssScore(triagedWithCvss4 ? null : report.cvssScore)
                        .severity(report.severity)
                        .cvssV4Vector(triagedWithCvss4 ? report.cvssVector : null)
                        .cvssV4Score(triagedWithCvss4 ? report.cvssScore : null)
                        .build();
        return advisories
                .persist(advisory)
                .chain(
                        () ->
                                revisions.persist(
                                        revision(
                                                advisory,
                                                1,
                                                first,
                                                "Drafted from " + report.trackingId,
                                                actor,
                                                now)))
                .chain(() -> audit.record(advisory.id, "drafted", actor, null, now))
                .chain(() -> details(advisory, first));
    }

    /**
     * Adds a revision. Scheduled and published advisories only take content that is ready for the
     * public.
     */
    public Uni<AdvisoryDetails> revise(
            UUID id,
            AdvisoryContent content,
            String changeSummary,
            String actor,
            Predicate<String> visible) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return signingKeys
                .signer()
                .chain(
                        signer ->
                                Transactions.inTransaction(
                                        () ->
                                                locked(id, visible)
                                                        .chain(
                                                                advisory -> {
                                                                    Retractions.requireNotRetracted(
                                                                            advisory);
                                                                    if (advisory.state
                                                                            != AdvisoryState
                                                                                    .DRAFT) {
                                                                        var missing =
                                                                                ContentReadiness
                                                                                        .missing(
                                                                                                content);
                                                                        if (!missing.isEmpty()) {
                                                                            throw AdvisoryProblems
                                                                                    .incomplete(
                                                                                            missing);
                                                                        }
                                                                    }
                                                                    advisory.currentRevision++;
                                                                    advisory.updatedAt =
                                                                            now.atOffset(
                                                                                    ZoneOffset.UTC);
                                                                    Uni<Void> kept =
                                                                            revisions
                                                                                    .persist(
                                                                                            revision(
                                                                                                    advisory,
                                                                                                    advisory.currentRevision,
                                                                                                    content,
                                                                                                    changeSummary,
                                                                                                    actor,
                                                                                                    now))
                                                                                    .chain(
                                                                                            () ->
                                                                                                    audit
                                                                                                            .record(
                                                                                                                    advisory.id,
                                                                                                                    "revised",
                                                                                                                    actor,
                                                                                                                    null,
                                                                                                                    now));
                                                                    if (advisory.state
                                                                            == AdvisoryState
                                                                                    .PUBLISHED) {
                                                                        kept =
                                                                                kept.chain(
                                                                                        () ->
                                                                                                publication
                                                                                                        .publish(
                                                                                                                advisory,
                                                                                                                signer,
                                                                                                                now));
                                                                    }
                                                                    return kept.chain(
                                                                            () ->
                                                                                    details(
                                                                                            advisory,
                                                                                            content));
                                                                })));
    }

    /** Records the post-mortem; once the advisory is public, it is published with a new version. */
    public Uni<AdvisoryDetails> postMortem(
            UUID id, PostMortem postMortem, String actor, Predicate<String> visible) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return signingKeys
                .signer()
                .chain(
                        signer ->
                                Transactions.inTransaction(
                                        () ->
                                                locked(id, visible)
                                                        .chain(
                                                                advisory -> {
                                                                    advisory.sealedPostMortem =
                                                                            sealed.seal(postMortem);
                                                                    advisory.updatedAt =
                                                                            now.atOffset(
                                                                                    ZoneOffset.UTC);
                                                                    Uni<Void> kept =
                                                                            audit.record(
                                                                                    advisory.id,
                                                                                    "post-mortem-written",
                                                                                    actor,
                                                                                    null,
                                                                                    now);
                                                                    if (advisory.state
                                                                            == AdvisoryState
                                                                                    .PUBLISHED) {
                                                                        kept =
                                                                                kept.chain(
                                                                                                () ->
                                                                                                        keepAsNextRevision(
                                                                                                                advisory,
                                                                                                                "Post-mortem"
                                                                                                                    + " published",
                                                                                                                actor,
                                                                                                                now))
                                                                                        .chain(
                                                                                                () ->
                                                                                                        publication
                                                                                                                .publish(
                                                                                                                        advisory,
                                                                                                                        signer,
                                                                                                                        now));
                                                                    }
                                                                    return kept.chain(
                                                                            () ->
                                                                                    details(
                                                                                            advisory));
                                                                })));
    }

    public Uni<AdvisoryDetails> get(UUID id, Predicate<String> visible) {
        return Transactions.inSession(
                () ->
                        advisories
                                .findById(id)
                                .chain(
                                        advisory -> {
                                            if (advisory == null
                                                    || !visible.test(advisory.programSlug)) {
                                                throw AdvisoryProblems.notFound(
                                                        "No advisory " + id + ".");
                                            }
                                            return details(advisory);
                                        }));
    }

    public Uni<List<Advisory>> list(Optional<Set<String>> programs, int page, int size) {
        return Transactions.inSession(() -> advisories.listPage(programs, page, size));
    }

    /** Every revision with its content, oldest first. */
    public Uni<List<RevisionContent>> revisions(UUID id, Predicate<String> visible) {
        return get(id, visible)
                .chain(details -> Transactions.inSession(() -> revisions.history(id)))
                .map(
                        all ->
                                all.stream()
                                        .map(
                                                revision ->
                                                        new RevisionContent(
                                                                revision,
                                                                sealed.open(
                                                                        revision.sealedContent,
                                                                        AdvisoryContent.class)))
                                        .toList());
    }

    /** The audit trail with the details opened, oldest first. */
    public Uni<List<AuditEntry>> audit(UUID id, Predicate<String> visible) {
        return get(id, visible)
                .chain(details -> Transactions.inSession(() -> auditEntries.trail(id)))
                .map(
                        all ->
                                all.stream()
                                        .map(
                                                entry ->
                                                        new AuditEntry(
                                                                entry,
                                                                entry.sealedDetail == null
                                                                        ? null
                                                                        : sealed.openText(
                                                                                entry.sealedDetail)))
                                        .toList());
    }

    /** The advisory, locked for this transaction, if the caller may see it. */
    Uni<Advisory> locked(UUID id, Predicate<String> visible) {
        return advisories
                .lock(id)
                .map(
                        advisory -> {
                            if (advisory == null || !visible.test(advisory.programSlug)) {
                                throw AdvisoryProblems.notFound("No advisory " + id + ".");
                            }
                            return advisory;
                        });
    }

    /** The current content of an advisory. */
    Uni<AdvisoryContent> currentContent(Advisory advisory) {
        return revisions
                .revision(advisory.id, advisory.currentRevision)
                .map(revision -> sealed.open(revision.sealedContent, AdvisoryContent.class));
    }

    Uni<AdvisoryDetails> details(Advisory advisory) {
        return currentContent(advisory).chain(content -> details(advisory, content));
    }

    private Uni<AdvisoryDetails> details(Advisory advisory, AdvisoryContent content) {
        PostMortem postMortem =
                advisory.sealedPostMortem == null
                        ? null
                        : sealed.open(advisory.sealedPostMortem, PostMortem.class);
        return programs.program(advisory.programSlug)
                .chain(
                        program ->
                                partnerStatements
                                        .of(advisory.id)
                                        .map(
                                                statements ->
                                                        details(
                                                                advisory,
                                                                content,
                                                                postMortem,
                                                                program,
                                                                statements)));
    }

    private static AdvisoryDetails details(
            Advisory advisory,
            AdvisoryContent content,
            PostMortem postMortem,
            Program program,
            List<PartnerStatement> partnerStatements) {
        DisclosurePolicy.PostMortem rule =
                program == null ? null : program.policy().deadlines().postMortem();
        boolean required =
                rule != null && rule.requiredFor(content.severity(), program.policy().severity());
        Instant due =
                required
                                && advisory.publishedAt != null
                                && rule.within() != null
                                && !rule.within().isOpenEnded()
                        ? calendar(program).plus(advisory.publishedAt.toInstant(), rule.within())
                        : null;
        return new AdvisoryDetails(advisory, content, postMortem, required, due, partnerStatements);
    }

    static BusinessCalendar calendar(Program program) {
        return BusinessCalendar.of(program.timeZone(), program.policy().calendar());
    }

    private AdvisoryRevision revision(
            Advisory advisory,
            int number,
            AdvisoryContent content,
            String summary,
            String actor,
            Instant now) {
        AdvisoryRevision revision = new AdvisoryRevision();
        revision.id = TimeOrderedIds.next();
        revision.advisoryId = advisory.id;
        revision.number = number;
        revision.sealedContent = sealed.seal(content);
        revision.changeSummary = summary;
        revision.editedBy = actor;
        revision.editedAt = now.atOffset(ZoneOffset.UTC);
        return revision;
    }

    /**
     * Keeps the current content as the next revision with this summary: a published change that
     * edits no content (a post-mortem, a withdrawal), so that every published version has its own
     * revision. Runs in the caller's transaction, with the advisory locked.
     */
    Uni<Void> keepAsNextRevision(Advisory advisory, String summary, String actor, Instant now) {
        return revisions
                .revision(advisory.id, advisory.currentRevision)
                .chain(
                        current -> {
                            advisory.currentRevision++;
                            AdvisoryRevision next = new AdvisoryRevision();
                            next.id = TimeOrderedIds.next();
                            next.advisoryId = advisory.id;
                            next.number = advisory.currentRevision;
                            next.sealedContent = current.sealedContent;
                            next.changeSummary = summary;
                            next.editedBy = actor;
                            next.editedAt = now.atOffset(ZoneOffset.UTC);
                            return revisions.persist(next);
                        })
                .replaceWithVoid();
    }

    private String publicId(long number, Instant now) {
        return "%s-%d-%04d"
                .formatted(config.idPrefix(), now.atZone(ZoneOffset.UTC).getYear(), number);
    }

    /**
     * A new advisory of the same program and case as {@code source}, with its lift time and state
     * (a published source's is published by the caller), holding this content as revision 1. Runs
     * in the caller's transaction.
     */
    Uni<Advisory> createBeside(
            Advisory source, AdvisoryContent content, String summary, String actor, Instant now) {
        Advisory advisory = new Advisory();
        advisory.id = TimeOrderedIds.next();
        advisory.programSlug = source.programSlug;
        advisory.reportId = source.reportId;
        advisory.trackingId = source.trackingId;
        advisory.state =
                source.state == AdvisoryState.PUBLISHED ? AdvisoryState.DRAFT : source.state;
        advisory.liftAt = source.liftAt;
        advisory.currentRevision = 1;
        advisory.createdBy = actor;
        advisory.createdAt = now.atOffset(ZoneOffset.UTC);
        advisory.updatedAt = advisory.createdAt;
        return advisories
                .nextNumber()
                .invoke(number -> advisory.publicId = publicId(number, now))
                .chain(() -> advisories.persist(advisory))
                .chain(() -> revisions.persist(revision(advisory, 1, content, summary, actor, now)))
                .replaceWith(advisory);
    }

    /**
     * Keeps this content as the advisory's next revision. Runs in the caller's transaction, with
     * the advisory locked.
     */
    Uni<Void> keepAsNextRevision(
            Advisory advisory, AdvisoryContent content, String summary, String actor, Instant now) {
        advisory.currentRevision++;
        advisory.updatedAt = now.atOffset(ZoneOffset.UTC);
        return revisions
                .persist(revision(advisory, advisory.currentRevision, content, summary, actor, now))
                .replaceWithVoid();
    }

    /** A kept revision and what it said. */
    public record RevisionContent(AdvisoryRevision revision, AdvisoryContent content) {}

    /** An audit entry and its opened detail. */
    public record AuditEntry(AdvisoryAudit entry, String detail) {}
}
