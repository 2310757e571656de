package dev.embargo.advisory.service;

import dev.embargo.advisory.config.AdvisoryConfig;
import dev.embargo.advisory.domain.Advisory;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.Credit;
import dev.embargo.advisory.domain.AdvisoryRevision;
import dev.embargo.advisory.domain.AdvisoryState;
import dev.embargo.advisory.domain.CveRejection;
import dev.embargo.advisory.domain.DocumentFormat;
import dev.embargo.advisory.domain.PartnerStatement;
import dev.embargo.advisory.domain.PostMortem;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.domain.PublishedAdvisory.RevisionNote;
import dev.embargo.advisory.domain.PublishedDocument;
import dev.embargo.advisory.domain.Retraction;
import dev.embargo.advisory.domain.SsvcAssessment;
import dev.embargo.advisory.domain.TrackedReport;
import dev.embargo.advisory.format.PublicLinks;
import dev.embargo.advisory.repository.AdvisoryRepository;
import dev.embargo.advisory.repository.AdvisoryRevisionRepository;
import dev.embargo.advisory.repository.PublishedDocumentRepository;
import dev.embargo.contracts.advisory.AdvisoryPublished;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.model.DisclosurePolicy.DisclosureTerms;
import dev.embargo.policy.model.Program;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes advisories public: by itself when a lift time comes (a scan every second; due rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so with several replicas each advisory is published
 * by exactly one), at an early break, or again for a revision of a published advisory. One
 * transaction writes the documents, the new state and {@code advisory.published}.
 */
@ApplicationScoped
public class Publication {

    private final AdvisoryRepository advisories;
    private final AdvisoryRevisionRepository revisions;
    private final PublishedDocumentRepository documents;
    private final LifecycleProjection reports;
    private final ProgramViews programs;
    private final PartnerStatements partnerStatements;
    private final AdvisoryFormats formats;
    private final CveSubmissions cveSubmissions;
    private final SigningKeys signingKeys;
    private final AuditTrail audit;
    private final SealedJson sealed;
    private final Outbox outbox;
    private final PublicLinks links;
    private final AdvisoryConfig config;
    private final MeterRegistry metrics;
    private final RepeatingPass pass = new RepeatingPass("Lift-time scan", this::publishDue);

    Publication(
            AdvisoryRepository advisories,
            AdvisoryRevisionRepository revisions,
            PublishedDocumentRepository documents,
            LifecycleProjection reports,
            ProgramViews programs,
            PartnerStatements partnerStatements,
            AdvisoryFormats formats,
            CveSubmissions cveSubmissions,
            SigningKeys signingKeys,
            AuditTrail audit,
            SealedJson sealed,
            Outbox outbox,
            PublicLinks links,
            AdvisoryConfig config,
            MeterRegistry metrics) {
        this.advisories = advisories;
        this.revisions = revisions;
        this.documents = documents;
        this.reports = reports;
        this.programs = programs;
        this.partnerStatements = partnerStatements;
        this.formats = formats;
        this.cveSubmissions = cveSubmissions;
        this.signingKeys = signingKeys;
        this.audit = audit;
        this.sealed = sealed;
        this.outbox = outbox;
        this.links = links;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        pass.start(vertx, config.publicationScanInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pass.stop();
    }

    /** One scan: publishes every scheduled advisory whose lift time has come. */
    public Uni<Integer> publishDue() {
        return signingKeys
                .signer()
                .chain(
                        signer -> {
                            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            return Transactions.inTransaction(
                                    () ->
                                            advisories
                                                    .claimDue(
                                                            now.atOffset(ZoneOffset.UTC),
                                                            config.publicationBatchSize())
                                                    .chain(
                                                            due ->
                                                                    Multi.createFrom()
                                                                            .iterable(due)
                                                                            .onItem()
                                                                            .transformToUniAndConcatenate(
                                                                                    advisory ->
                                                                                            audit.record(
                                                                                                            advisory.id,
                                                                                                            "published-at-lift-time",
                                                                                                            "embargo",
                                                                                                            null,
                                                                                                            now)
                                                                                                    .chain(
                                                                                                            () ->
                                                                                                                    publish(
                                                                                                                            advisory,
                                                                                                                            signer,
                                                                                                                            now)))
                                                                            .collect()
                                                                            .asList()
                                                                            .map(List::size)));
                        });
    }

    /**
     * Publishes the advisory's current revision as its next public version. Runs inside the
     * caller's transaction, with the advisory row locked by it.
     */
    Uni<Void> publish(Advisory advisory, OpenPgpSigner signer, Instant now) {
        boolean first = advisory.publishedAt == null;
        return publishDocuments(advisory, signer, now)
                .call(snapshot -> cveSubmissions.queuePublished(advisory, snapshot, now))
                .call(snapshot -> outbox.stage(published(advisory, snapshot, now)))
                .invoke(
                        () ->
                                metrics.counter(
                                                "embargo.advisories.published",
                                                "program",
                                                advisory.programSlug,
                                                "first",
                                                String.valueOf(first))
                                        .increment())
                .replaceWithVoid();
    }

    /**
     * Writes the current revision's documents as the next public version and marks the advisory
     * published; tells no one. {@link #publish} and a withdrawal, supersession or CVE rejection
     * ({@link Retractions}) each add what they announce. Runs in the caller's transaction.
     */
    Uni<PublishedAdvisory> publishDocuments(Advisory advisory, OpenPgpSigner signer, Instant now) {
        return revisions
                .history(advisory.id)
                .chain(
                        history -> {
                            AdvisoryRevision current = current(advisory, history);
                            current.publishedAt = now.atOffset(ZoneOffset.UTC);
                            if (advisory.publishedAt == null) {
                                advisory.publishedAt = current.publishedAt;
                            }
                            advisory.state = AdvisoryState.PUBLISHED;
                            advisory.publishedRevision = current.number;
                            advisory.updatedAt = current.publishedAt;
                            return snapshot(advisory, history, now)
                                    .call(snapshot -> store(advisory, snapshot, signer, now));
                        });
    }

    private static AdvisoryPublished published(
            Advisory advisory, PublishedAdvisory snapshot, Instant now) {
        return new AdvisoryPublished(
                advisory.id.toString(),
                advisory.publicId,
                advisory.programSlug,
                snapshot.version(),
                snapshot.content().title(),
                snapshot.content().cveId(),
                snapshot.content().severity(),
                snapshot.url(),
                advisory.reportId == null ? List.of() : List.of(advisory.reportId.toString()),
                snapshot.content().credits().stream().map(Credit::name).toList(),
                advisory.earlyBreak,
                now);
    }

    /**
     * The advisory as the world would read it if its current revision were published at {@code
     * now}: what {@link #publish} stores, and what staff preview before the lift. Reads only.
     */
    Uni<PublishedAdvisory> snapshot(
            Advisory advisory, List<AdvisoryRevision> history, Instant now) {
        AdvisoryContent content =
                sealed.open(current(advisory, history).sealedContent, AdvisoryContent.class);
        PostMortem postMortem =
                advisory.sealedPostMortem == null
                        ? null
                        : sealed.open(advisory.sealedPostMortem, PostMortem.class);
        // One query at a time: a Hibernate Reactive session never runs two at once.
        return programs.program(advisory.programSlug)
                .chain(
                        program ->
                                trackedReport(advisory)
                                        .chain(
                                                report ->
                                                        partnerStatements
                                                                .of(advisory.id)
                                                                .map(
                                                                        statements ->
                                                                                snapshot(
                                                                                        advisory,
                                                                                        history,
                                                                                        content,
                                                                                        postMortem,
                                                                                        program
                                                                                                        == null
                                                                                                ? advisory.programSlug
                                                                                                : program
                                                                                                        .name(),
                                                                                        disclosureTerms(
                                                                                                program),
                                                                                        reports
                                                                                                .creditChoice(
                                                                                                        report),
                                                                                        reports
                                                                                                .ssvc(
                                                                                                        report),
                                                                                        statements,
                                                                                        reports
                                                                                                .cveReservedAt(
                                                                                                        report,
                                                                                                        content
                                                                                                                .cveId()),
                                                                                        now,
                                                                                        links))));
    }

    private Uni<TrackedReport> trackedReport(Advisory advisory) {
        return advisory.reportId == null
                ? Uni.createFrom().nullItem()
                : reports.byReportId(advisory.reportId);
    }

    /**
     * The public snapshot of the advisory's current revision released at {@code now}: earlier
     * published revisions keep their dates in the revision history, the reporter's credit follows
     * their choice, partners' statements stand beside the team's product statuses.
     */
    static PublishedAdvisory snapshot(
            Advisory advisory,
            List<AdvisoryRevision> history,
            AdvisoryContent content,
            PostMortem postMortem,
            String programName,
            DisclosureTerms disclosureTerms,
            ReporterCredit.Choice reporterCredit,
            SsvcAssessment ssvc,
            List<PartnerStatement> partnerStatements,
            Instant cveReservedAt,
            Instant now,
            PublicLinks links) {
        List<RevisionNote> notes = new ArrayList<>();
        for (AdvisoryRevision revision : history) {
            Instant released =
                    revision.number == advisory.currentRevision
                            ? now
                            : revision.publishedAt == null
                                    ? null
                                    : revision.publishedAt.toInstant();
            if (released != null) {
                notes.add(
                        new RevisionNote(
                                notes.size() + 1,
                                released,
                                notes.isEmpty()
                                        ? "Initial public release."
                                        : revision.changeSummary));
            }
        }
        Instant initialRelease =
                advisory.publishedAt == null ? now : advisory.publishedAt.toInstant();
        List<Credit> credits = ReporterCredit.resolve(reporterCredit, content.credits());
        return new PublishedAdvisory(
                advisory.id.toString(),
                advisory.publicId,
                advisory.programSlug,
                programName,
                notes.size(),
                content.withCredits(credits),
                initialRelease,
                now,
                notes,
                advisory.earlyBreak,
                postMortem,
                links.page(advisory.publicId),
                Retraction.of(advisory, links::page),
                CveRejection.of(advisory),
                ssvc,
                PartnerStatement.besideTeam(partnerStatements, content.productStatuses()),
                cveReservedAt,
                disclosureTerms == null ? null : disclosureTerms.legalDisclaimer(),
                disclosureTerms == null ? List.of() : disclosureTerms.advisoryNotes());
    }

    /**
     * The program's terms for its advisories (legal disclaimer, notes); null when there is no
     * program or its policy states none.
     */
    private static DisclosureTerms disclosureTerms(Program program) {
        return program == null ? null : program.policy().disclosure();
    }

    private static AdvisoryRevision current(Advisory advisory, List<AdvisoryRevision> history) {
        return history.stream()
                .filter(revision -> revision.number == advisory.currentRevision)
                .findFirst()
                .orElseThrow();
    }

    private Uni<Void> store(
            Advisory advisory, PublishedAdvisory snapshot, OpenPgpSigner signer, Instant now) {
        Map<DocumentFormat, String> rendered = new LinkedHashMap<>(formats.render(snapshot));
        return Multi.createFrom()
                .iterable(rendered.entrySet())
                .onItem()
                .transformToUniAndConcatenate(
                        entry ->
                                documents
                                        .document(advisory.id, entry.getKey())
                                        .chain(
                                                existing -> {
                                                    PublishedDocument document =
                                                            existing != null
                                                                    ? existing
                                                                    : new PublishedDocument();
                                                    if (existing == null) {
                                                        document.id = TimeOrderedIds.next();
                                                        document.advisoryId = advisory.id;
                                                        document.format = entry.getKey();
                                                        document.programSlug = advisory.programSlug;
                                                    }
                                                    document.content = entry.getValue();
                                                    document.sha256 =
                                                            hex("SHA-256", entry.getValue());
                                                    document.sha512 =
                                                            hex("SHA-512", entry.getValue());
                                                    document.signature =
                                                            entry.getKey().signed()
                                                                    ? signer.sign(entry.getValue())
                                                                    : null;
                                                    document.revision = snapshot.version();
                                                    document.publishedAt =
                                                            now.atOffset(ZoneOffset.UTC);
                                                    return existing != null
                                                            ? Uni.createFrom().voidItem()
                                                            : documents
                                                                    .persist(document)
                                                                    .replaceWithVoid();
                                                }))
                .collect()
                .asList()
                // A format this version no longer has (a CVE id taken back) must not stay public.
                .chain(
                        () ->
                                documents.delete(
                                        "advisoryId = ?1 and format not in ?2",
                                        advisory.id,
                                        rendered.keySet()))
                .replaceWithVoid();
    }

    private static String hex(String algorithm, String content) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance(algorithm)
                                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
