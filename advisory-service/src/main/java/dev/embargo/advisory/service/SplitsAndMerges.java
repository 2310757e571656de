package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.Advisory;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.Reference;
import dev.embargo.advisory.domain.AdvisoryState;
import dev.embargo.advisory.domain.Retraction;
import dev.embargo.advisory.domain.Vulnerability;
import dev.embargo.advisory.format.PublicLinks;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Splitting an advisory (some of its vulnerabilities, with their CVE IDs, move to a new advisory)
 * and merging one into another. A CVE ID stays with one standing advisory throughout. What is
 * public changes in public: a published advisory's next version says where its vulnerabilities
 * went, and a published advisory merged into another is superseded by it. Each runs in one
 * transaction with its documents and events.
 */
@ApplicationScoped
public class SplitsAndMerges {

    private final Advisories advisories;
    private final Publication publication;
    private final Retractions retractions;
    private final SigningKeys signingKeys;
    private final AuditTrail audit;
    private final PublicLinks links;

    SplitsAndMerges(
            Advisories advisories,
            Publication publication,
            Retractions retractions,
            SigningKeys signingKeys,
            AuditTrail audit,
            PublicLinks links) {
        this.advisories = advisories;
        this.publication = publication;
        this.retractions = retractions;
        this.signingKeys = signingKeys;
        this.audit = audit;
        this.links = links;
    }

    /**
     * Moves the vulnerabilities with these CVE IDs into a new advisory with this title, of the same
     * program and case, with the source's lift time. A published source publishes the new advisory
     * at once and, as its own next version, no longer lists them and links to it.
     *
     * @return the new advisory
     */
    public Uni<AdvisoryDetails> split(
            UUID id, List<String> cveIds, String title, String actor, Predicate<String> visible) {
        return inTransaction(
                (signer, now) ->
                        advisories
                                .locked(id, visible)
                                .chain(
                                        source ->
                                                advisories
                                                        .currentContent(source)
                                                        .chain(
                                                                content ->
                                                                        split(
                                                                                source,
                                                                                content,
                                                                                Set.copyOf(cveIds),
                                                                                title,
                                                                                actor,
                                                                                signer,
                                                                                now))));
    }

    private Uni<AdvisoryDetails> split(
            Advisory source,
            AdvisoryContent content,
            Set<String> cveIds,
            String title,
            String actor,
            OpenPgpSigner signer,
            Instant now) {
        Retractions.requireNotRetracted(source);
        List<Vulnerability> moved = new ArrayList<>();
        List<Vulnerability> kept = new ArrayList<>();
        for (Vulnerability vulnerability : content.allVulnerabilities()) {
            (cveIds.contains(vulnerability.cveId()) ? moved : kept).add(vulnerability);
        }
        Set<String> unknown = new LinkedHashSet<>(cveIds);
        moved.forEach(vulnerability -> unknown.remove(vulnerability.cveId()));
        if (!unknown.isEmpty()) {
            throw AdvisoryProblems.unprocessable(
                    "vulnerability-not-in-advisory",
                    source.publicId + " covers no " + String.join(", ", unknown) + ".");
        }
        if (kept.isEmpty()) {
            throw AdvisoryProblems.unprocessable(
                    "split-moves-everything",
                    "A split leaves the source at least one vulnerability; "
                            + source.publicId
                            + " covers only "
                            + names(moved)
                            + ".");
        }
        AdvisoryContent split = content.covering(title, moved, content.references());
        if (source.state != AdvisoryState.DRAFT) {
            requireComplete(split);
        }
        boolean published = source.state == AdvisoryState.PUBLISHED;
        return advisories
                .createBeside(source, split, "Split from " + source.publicId, actor, now)
                .call(
                        created -> {
                            String movedTo = names(moved) + " moved to " + created.publicId;
                            List<Reference> references = new ArrayList<>(content.references());
                            if (published) {
                                references.add(
                                        new Reference(
                                                links.page(created.publicId), movedTo, "advisory"));
                            }
                            return audit.record(
                                            created.id, "split-from", actor, source.publicId, now)
                                    .chain(
                                            () ->
                                                    audit.record(
                                                            source.id, "split", actor, movedTo,
                                                            now))
                                    .chain(
                                            () ->
                                                    advisories.keepAsNextRevision(
                                                            source,
                                                            content.covering(
                                                                    content.title(),
                                                                    kept,
                                                                    references),
                                                            "Split: " + movedTo + ".",
                                                            actor,
                                                            now))
                                    .chain(
                                            () ->
                                                    published
                                                            ? publication
                                                                    .publish(created, signer, now)
                                                                    .chain(
                                                                            () ->
                                                                                    publication
                                                                                            .publish(
                                                                                                    source,
                                                                                                    signer,
                                                                                                    now))
                                                            : Uni.createFrom().voidItem());
                        })
                .chain(advisories::details);
    }

    /**
     * Moves every vulnerability of {@code fromId} into this advisory, after its own. A published
     * one is superseded by this one (which must be published); a draft or scheduled one is closed:
     * superseded without publication, its lift time cleared, so it never publishes.
     *
     * @return this advisory
     */
    public Uni<AdvisoryDetails> merge(
            UUID id, UUID fromId, String reason, String actor, Predicate<String> visible) {
        if (id.equals(fromId)) {
            throw AdvisoryProblems.unprocessable(
                    "merge-into-itself", "An advisory cannot be merged into itself.");
        }
        return inTransaction(
                (signer, now) ->
                        advisories
                                .locked(id, visible)
                                .chain(
                                        target ->
                                                advisories
                                                        .locked(fromId, visible)
                                                        .chain(
                                                                from ->
                                                                        merge(
                                                                                target, from,
                                                                                reason, actor,
                                                                                signer, now))));
    }

    private Uni<AdvisoryDetails> merge(
            Advisory target,
            Advisory from,
            String reason,
            String actor,
            OpenPgpSigner signer,
            Instant now) {
        requireMergeable(target, from);
        return advisories
                .currentContent(target)
                .chain(
                        content ->
                                advisories
                                        .currentContent(from)
                                        .chain(
                                                fromContent -> {
                                                    List<Vulnerability> all =
                                                            merged(target, content, fromContent);
                                                    String merged =
                                                            from.publicId
                                                                    + " ("
                                                                    + names(
                                                                            fromContent
                                                                                    .allVulnerabilities())
                                                                    + ")";
                                                    return advisories
                                                            .keepAsNextRevision(
                                                                    target,
                                                                    content.covering(
                                                                            content.title(),
                                                                            all,
                                                                            content.references()),
                                                                    "Merged " + merged + ": "
                                                                            + reason,
                                                                    actor,
                                                                    now)
                                                            .chain(
                                                                    () ->
                                                                            audit.record(
                                                                                    target.id,
                                                                                    "merged",
                                                                                    actor,
                                                                                    merged + ": "
                                                                                            + reason,
                                                                                    now));
                                                }))
                .chain(
                        () ->
                                from.state == AdvisoryState.PUBLISHED
                                        ? publication
                                                .publish(target, signer, now)
                                                .chain(
                                                        () ->
                                                                retractions.supersedeLocked(
                                                                        from,
                                                                        target.publicId,
                                                                        reason,
                                                                        actor,
                                                                        signer,
                                                                        now))
                                        : close(from, target, reason, actor, now))
                .chain(() -> advisories.details(target));
    }

    /** Rules that need no content: same program, both standing, nothing published too early. */
    private static void requireMergeable(Advisory target, Advisory from) {
        if (!target.programSlug.equals(from.programSlug)) {
            throw AdvisoryProblems.unprocessable(
                    "different-program",
                    from.publicId
                            + " belongs to "
                            + from.programSlug
                            + ", "
                            + target.publicId
                            + " to "
                            + target.programSlug
                            + ".");
        }
        Retractions.requireNotRetracted(target);
        Retractions.requireNotRetracted(from);
        boolean fromPublished = from.state == AdvisoryState.PUBLISHED;
        boolean targetPublished = target.state == AdvisoryState.PUBLISHED;
        if (fromPublished && !targetPublished) {
            throw AdvisoryProblems.conflict(
                    "merge-needs-published-target",
                    from.publicId
                            + " is published: it is superseded by the advisory it is merged into,"
                            + " which must be published too.");
        }
        if (!fromPublished && targetPublished) {
            throw AdvisoryProblems.conflict(
                    "merge-would-break-embargo",
                    from.publicId
                            + " is under embargo: merged into published "
                            + target.publicId
                            + " its vulnerabilities would be public at once.");
        }
        if (target.liftAt != null
                && from.liftAt != null
                && !fromPublished
                && from.liftAt.isAfter(target.liftAt)) {
            throw AdvisoryProblems.conflict(
                    "merge-would-lift-early",
                    from.publicId
                            + " lifts after "
                            + target.publicId
                            + ": move "
                            + target.publicId
                            + "'s lift time first.");
        }
    }

    /** The target's vulnerabilities followed by the merged one's, each CVE ID once. */
    private static List<Vulnerability> merged(
            Advisory target, AdvisoryContent content, AdvisoryContent fromContent) {
        List<Vulnerability> all = new ArrayList<>(content.allVulnerabilities());
        for (Vulnerability vulnerability : fromContent.allVulnerabilities()) {
            if (vulnerability.cveId() == null) {
                throw AdvisoryProblems.unprocessable(
                        "vulnerability-without-cve-id",
                        "A merged vulnerability keeps its CVE ID: \""
                                + vulnerability.title()
                                + "\" has none yet.");
            }
            if (all.stream().anyMatch(kept -> vulnerability.cveId().equals(kept.cveId()))) {
                throw AdvisoryProblems.conflict(
                        "cve-id-in-both",
                        vulnerability.cveId() + " is in " + target.publicId + " already.");
            }
            all.add(vulnerability);
        }
        return all;
    }

    /**
     * Closes an unpublished advisory merged into another: superseded by it without publication
     * (nothing of it was public), its lift time cleared; it takes no further change.
     */
    private Uni<Void> close(
            Advisory from, Advisory target, String reason, String actor, Instant now) {
        from.state = AdvisoryState.DRAFT;
        from.liftAt = null;
        from.retraction = Retraction.Kind.SUPERSEDED;
        from.supersededBy = target.publicId;
        from.retractionReason = reason;
        from.retractedAt = now.atOffset(ZoneOffset.UTC);
        String detail = "Merged into " + target.publicId + ": " + reason;
        return advisories
                .keepAsNextRevision(from, detail, actor, now)
                .chain(() -> audit.record(from.id, "merged-into", actor, detail, now));
    }

    private static void requireComplete(AdvisoryContent content) {
        var missing = ContentReadiness.missing(content);
        if (!missing.isEmpty()) {
            throw AdvisoryProblems.incomplete(missing);
        }
    }

    private static String names(List<Vulnerability> vulnerabilities) {
        return String.join(
                ", ",
                vulnerabilities.stream()
                        .map(Vulnerability::cveId)
                        .filter(Objects::nonNull)
                        .toList());
    }

    private interface Work {
        Uni<AdvisoryDetails> apply(OpenPgpSigner signer, Instant now);
    }

    private Uni<AdvisoryDetails> inTransaction(Work work) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // The signer first: it reads (or creates) the key in a session of its own.
        return signingKeys
                .signer()
                .chain(signer -> Transactions.inTransaction(() -> work.apply(signer, now)));
    }
}
