package dev.embargo.advisory;

import static dev.embargo.advisory.AdvisoryTestInfrastructure.triage;
import static org.awaitility.Awaitility.await;

import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import dev.embargo.advisory.domain.AdvisoryContent.Credit;
import dev.embargo.advisory.domain.AdvisoryContent.ProductStatus;
import dev.embargo.advisory.domain.AdvisoryContent.Reference;
import dev.embargo.advisory.service.Advisories;
import dev.embargo.advisory.service.AdvisoryDetails;
import dev.embargo.advisory.service.Embargoes;
import dev.embargo.advisory.service.SealedJson;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.contracts.report.ReportSubmittedV2;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What the tests start from, made the way production makes it: programs and accepted cases arrive
 * as triage's events, advisories are drafted and embargoed by the service's own beans (as staff of
 * every program), and the database is read over JDBC to see what the service wrote.
 */
@ApplicationScoped
public class AdvisoryFixtures {

    public static final String MOQTAIL = "moqtail";
    public static final String EMEK = "emek";
    public static final String PUBLISHER = "pat";
    public static final String AFFECTED_VERSION = "0.1.3";
    private static final int RUN = 1000 + new java.security.SecureRandom().nextInt(9000);

    private final Advisories advisories;
    private final Embargoes embargoes;
    private final SealedJson sealed;
    private final DataSource database;
    private volatile boolean programsKnown;

    AdvisoryFixtures(
            Advisories advisories, Embargoes embargoes, SealedJson sealed, DataSource database) {
        this.advisories = advisories;
        this.embargoes = embargoes;
        this.sealed = sealed;
        this.database = database;
    }

    /**
     * The seed programs moqtail (30 days to disclose, partner groups held at most 5 days) and emek,
     * as triage publishes them.
     */
    public synchronized void programsKnown() {
        if (programsKnown) {
            return;
        }
        for (String slug : List.of(MOQTAIL, EMEK)) {
            triage().publish(new ProgramPolicyPublished(slug, 1, Instant.now(), seedProgram(slug)));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from program_view") == 2);
        programsKnown = true;
    }

    /** Publishes another program as triage would, once; advisory knows it once this returns. */
    public synchronized void programKnown(String slug, String document) {
        programsKnown();
        if (count("select count(*) from program_view where slug = ?", slug) > 0) {
            return;
        }
        triage().publish(new ProgramPolicyPublished(slug, 1, Instant.now(), document));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from program_view where slug = ?", slug) == 1);
    }

    /**
     * A report intake accepted and triage has not yet judged; advisory knows it once this returns.
     */
    public Report submitted(String program) {
        Report report = newReport(program);
        return tracked(
                report,
                new ReportSubmitted(
                        report.reportId(),
                        report.trackingId(),
                        program,
                        1,
                        sealed.sealText("Report of " + report.trackingId()),
                        sealed.sealText("Details."),
                        null,
                        sealed.sealText(creditOf(report)),
                        sealed.sealText(AFFECTED_VERSION),
                        Instant.now(),
                        null,
                        null,
                        "name"));
    }

    /**
     * The same as an intake older than {@code report.submitted.v3} announces it: the credit name
     * and affected version plain.
     */
    public Report submittedByAnOlderIntake(String program) {
        Report report = newReport(program);
        return tracked(
                report,
                new ReportSubmittedV2(
                        report.reportId(),
                        report.trackingId(),
                        program,
                        1,
                        sealed.sealText("Report of " + report.trackingId()),
                        sealed.sealText("Details."),
                        null,
                        creditOf(report),
                        AFFECTED_VERSION,
                        Instant.now(),
                        null,
                        null,
                        "name"));
    }

    /** How the reporter of a {@link #submitted} report asks to be credited. */
    public static String creditOf(Report report) {
        return "Ada Lovelace " + report.trackingId();
    }

    private Report newReport(String program) {
        programsKnown();
        return new Report(
                UUID.randomUUID().toString(),
                "EMB-2026-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                program);
    }

    private Report tracked(Report report, EventPayload submitted) {
        triage().publish(submitted);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                count(
                                                "select count(*) from tracked_report where"
                                                        + " tracking_id = ?",
                                                report.trackingId())
                                        == 1);
        return report;
    }

    /**
     * A report whose case triage accepted; returns its tracking id once advisory has heard of it.
     */
    public String acceptedCase(String program) {
        Report report = submitted(program);
        triage().publish(caseMoved(report, "triaging", "accepted"));
        awaitCaseState(report.trackingId(), "accepted");
        return report.trackingId();
    }

    /**
     * A report whose case triage accepted with {@code cveId} assigned from the program's pool
     * (reserved at {@code reservedAt}, null when not said); advisory knows both once this returns.
     */
    public Report acceptedWithCveId(String program, String cveId, Instant reservedAt) {
        Report report = submitted(program);
        triage().publish(
                        new CaseCveAssigned(
                                report.reportId(),
                                UUID.randomUUID().toString(),
                                report.trackingId(),
                                program,
                                cveId,
                                "own-cna",
                                program + "-cna",
                                reservedAt,
                                "cora",
                                Instant.now()));
        // Same report, same partition: once the case is accepted, the ID has arrived.
        triage().publish(caseMoved(report, "triaging", "accepted"));
        awaitCaseState(report.trackingId(), "accepted");
        return report;
    }

    public static CaseStateChanged caseMoved(Report report, String from, String to) {
        return new CaseStateChanged(
                report.reportId(),
                UUID.nameUUIDFromBytes(report.reportId().getBytes()).toString(),
                report.trackingId(),
                report.program(),
                from,
                to,
                "tess",
                null,
                Instant.now());
    }

    public void awaitCaseState(String trackingId, String state) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                state.equals(
                                        text(
                                                "select case_state from tracked_report where"
                                                        + " tracking_id = ?",
                                                trackingId)));
    }

    /** A freshly drafted advisory: incomplete, as drafts are. */
    public AdvisoryDetails drafted(String program) {
        String trackingId = acceptedCase(program);
        return run(() -> advisories.draft(trackingId, PUBLISHER, slug -> true));
    }

    /**
     * A drafted advisory revised to content ready for publication, with a test CVE id (year 1900)
     * numbered like the advisory, after a number of this run (CVE Services' stand-in is new in each
     * run, the database may not be).
     */
    public AdvisoryDetails complete(String program) {
        return complete(program, List.of());
    }

    /** The same, with the team's VEX statements. */
    public AdvisoryDetails complete(String program, List<ProductStatus> productStatuses) {
        AdvisoryDetails draft = drafted(program);
        String publicId = draft.advisory().publicId;
        return revised(
                draft,
                "CVE-1900-" + RUN + publicId.substring(publicId.lastIndexOf('-') + 1),
                productStatuses);
    }

    /** The advisory drafted from an accepted case, revised to content ready for publication. */
    public AdvisoryDetails complete(Report acceptedCase, String cveId) {
        return revised(
                run(() -> advisories.draft(acceptedCase.trackingId(), PUBLISHER, slug -> true)),
                cveId,
                List.of());
    }

    /** A complete advisory whose embargo lifts at {@code liftAt}. */
    public AdvisoryDetails scheduled(String program, Instant liftAt) {
        return scheduled(complete(program), liftAt);
    }

    /** The complete advisory with its embargo lifting at {@code liftAt}. */
    public AdvisoryDetails scheduled(AdvisoryDetails complete, Instant liftAt) {
        return run(
                () -> embargoes.scheduleLift(complete.advisory().id, liftAt, "cora", slug -> true));
    }

    private AdvisoryDetails revised(
            AdvisoryDetails draft, String cveId, List<ProductStatus> productStatuses) {
        String title = "Selector bypass in " + draft.advisory().publicId;
        return run(
                () ->
                        advisories.revise(
                                draft.advisory().id,
                                content(title, cveId, productStatuses),
                                "Ready",
                                PUBLISHER,
                                slug -> true));
    }

    /** Moves the embargo's lift time into the past: the service publishes the advisory soon. */
    public void liftTimePassed(AdvisoryDetails scheduled) {
        update(
                "update advisory set lift_at = now() - interval '1 second' where id = ?",
                scheduled.advisory().id);
    }

    /** A complete advisory with a CVE id, published by its lift time (moved into the past). */
    public AdvisoryDetails published(String program) {
        AdvisoryDetails scheduled = scheduled(program, Instant.now().plus(Duration.ofDays(10)));
        liftTimePassed(scheduled);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                "PUBLISHED"
                                        .equals(
                                                text(
                                                        "select state from advisory where id = ?",
                                                        scheduled.advisory().id)));
        return scheduled;
    }

    /** How many events of {@code type} the service's outbox holds about {@code advisory}. */
    public long outboxEvents(String type, AdvisoryDetails advisory) {
        return count(
                "select count(*) from outbox_event where event_type = ? and event_key = ?",
                type,
                advisory.advisory().id.toString());
    }

    /**
     * Only what every format needs of an advisory without a CVE id (title, summary, description,
     * affected products, severity and remediation), to add to.
     */
    public static AdvisoryContent.Builder essentials() {
        AdvisoryContent complete = content("Selector bypass", null);
        return AdvisoryContent.builder()
                .title(complete.title())
                .summary(complete.summary())
                .description(complete.description())
                .affected(complete.affected())
                .severity(complete.severity())
                .remediation(complete.remediation());
    }

    /** Content every format can publish. */
    public static AdvisoryContent content(String title, String cveId) {
        return content(title, cveId, List.of());
    }

    /** The same, with the team's VEX statements. */
    public static AdvisoryContent content(
            String title, String cveId, List<ProductStatus> productStatuses) {
        return AdvisoryContent.builder()
                .title(title)
                .summary("A crafted selector reads topics beyond the role.")
                .description("The selector parser accepts a wildcard after a negation.")
                .affected(
                        List.of(
                                new AffectedProduct(
                                        "moqtail-broker",
                                        "0.1.0",
                                        "0.1.4",
                                        "crates.io",
                                        "moqtail",
                                        "pkg:cargo/moqtail",
                                        null)))
                .cveId(cveId)
                .cweId("CWE-863")
                .cweName("Incorrect Authorization")
                .cvssVector("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N")
                .cvssScore(6.5)
                .severity("medium")
                .credits(List.of(new Credit("Grace Hopper", "remediation-developer")))
                .references(
                        List.of(
                                new Reference(
                                        "https://github.com/example/moqtail/commit/abc123",
                                        "Fix",
                                        "fix")))
                .remediation("Upgrade moqtail-broker to 0.1.4.")
                .productStatuses(productStatuses)
                .build();
    }

    /** Runs service work on a Vert.x context, as a request would, and waits for it. */
    public static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... parameters) {
        return Long.parseLong(text(sql, parameters));
    }

    /** The first column of the first row, as text; null when there is no row. */
    public String text(String sql, Object... parameters) {
        List<String> found = texts(sql, parameters);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The first column of every row, as text. */
    public List<String> texts(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = prepared(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void update(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = prepared(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepared(
            Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static String seedProgram(String slug) {
        try {
            return Files.readString(Path.of("..", "deploy", "programs", slug + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException("The seed programs are in deploy/programs", e);
        }
    }

    /** A report as triage's events name it. */
    public record Report(String reportId, String trackingId, String program) {}
}
