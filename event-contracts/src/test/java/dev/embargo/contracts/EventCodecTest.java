package dev.embargo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.embargo.contracts.advisory.AdvisoryPublished;
import dev.embargo.contracts.advisory.AdvisorySuperseded;
import dev.embargo.contracts.advisory.AdvisoryWithdrawn;
import dev.embargo.contracts.advisory.CveRecordRejected;
import dev.embargo.contracts.partner.PartnerStatementMade;
import dev.embargo.contracts.program.CveIdRejected;
import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseCveAssignedV1;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CaseDeadlinesChanged;
import dev.embargo.contracts.report.CaseDeadlinesChangedV1;
import dev.embargo.contracts.report.CaseDeadlinesChangedV2;
import dev.embargo.contracts.report.CaseDeadlinesChangedV3;
import dev.embargo.contracts.report.CaseDuplicateMarked;
import dev.embargo.contracts.report.CaseDuplicateMarkedV1;
import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.contracts.report.CaseSeverityChangedV1;
import dev.embargo.contracts.report.CaseSsvcDecided;
import dev.embargo.contracts.report.CaseStatusUpdate;
import dev.embargo.contracts.report.CaseStatusUpdateV1;
import dev.embargo.contracts.report.CveRecordPublished;
import dev.embargo.contracts.report.Deadline;
import dev.embargo.contracts.report.DeadlineBreached;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.contracts.report.ReportSubmittedV1;
import dev.embargo.contracts.report.ReportSubmittedV2;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final String SEALED = "enc:v1:k1:AAECAwQFBgcICQoLDA0ODw==";

    private final EventCodec codec = new EventCodec();

    @Test
    void reportSubmittedSurvivesTheRoundTripThroughJson() {
        ReportSubmitted submitted = submitted();

        String json = codec.encode(submitted);

        assertThat(codec.decode("report.submitted.v3", json)).isEqualTo(submitted);
    }

    @Test
    void anonymousReportsOmitTheReporterEmail() {
        ReportSubmitted anonymous =
                new ReportSubmitted(
                        UUID.randomUUID().toString(),
                        "EMB-2026-00001",
                        "pea2pea",
                        1,
                        SEALED,
                        SEALED,
                        null,
                        null,
                        null,
                        Instant.parse("2026-11-24T10:00:00Z"),
                        null,
                        null,
                        "anonymous");

        assertThat(codec.decode("report.submitted.v3", codec.encode(anonymous)))
                .isEqualTo(anonymous);
    }

    @Test
    void producersCannotEmitPlaintextWhereTheContractWantsCiphertext() {
        ReportSubmitted leaky =
                new ReportSubmitted(
                        UUID.randomUUID().toString(),
                        "EMB-2026-00001",
                        "pea2pea",
                        1,
                        "Heap overflow in parser",
                        SEALED,
                        null,
                        null,
                        null,
                        Instant.now(),
                        null,
                        null,
                        null);

        assertThatThrownBy(() -> codec.encode(leaky))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("sealedTitle");
    }

    @Test
    void theCreditNameAndAffectedVersionTravelOnlySealed() {
        ReportSubmitted sealed = submitted();
        ReportSubmitted plainCredit =
                withCreditAndVersion(sealed, "Ada L.", sealed.sealedAffectedVersion());
        ReportSubmitted plainVersion =
                withCreditAndVersion(sealed, sealed.sealedCreditName(), "1.0.3");

        assertThatThrownBy(() -> codec.encode(plainCredit))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("sealedCreditName");
        assertThatThrownBy(() -> codec.encode(plainVersion))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("sealedAffectedVersion");
    }

    @Test
    void aV2ReportStillOnTheTopicIsReadAsV3WithItsPlainCreditAndVersionInTheSealedFields() {
        ReportSubmittedV2 old =
                new ReportSubmittedV2(
                        UUID.randomUUID().toString(),
                        "EMB-2026-00007",
                        "pea2pea",
                        2,
                        SEALED,
                        SEALED,
                        SEALED,
                        "Ada L.",
                        "1.0.3",
                        Instant.parse("2026-11-24T10:15:30Z"),
                        "panic-vector",
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
                        "name");

        EventPayload decoded = codec.decode("report.submitted.v2", codec.encode(old));

        assertThat(decoded.current())
                .isEqualTo(
                        new ReportSubmitted(
                                old.reportId(),
                                "EMB-2026-00007",
                                "pea2pea",
                                2,
                                SEALED,
                                SEALED,
                                SEALED,
                                "Ada L.",
                                "1.0.3",
                                old.submittedAt(),
                                "panic-vector",
                                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
                                "name"));
        assertThat(EventType.REPORT_SUBMITTED_V2.current()).isEqualTo(EventType.REPORT_SUBMITTED);
    }

    @Test
    void consumersRejectDataMissingARequiredField() {
        String withoutTracking =
                """
                {"reportId":"%s","programSlug":"pea2pea","caseId":"%s","acknowledgedAt":"2026-11-24T10:00:00Z"}
                """
                        .formatted(UUID.randomUUID(), UUID.randomUUID());

        assertThatThrownBy(() -> codec.decode("report.acknowledged.v2", withoutTracking))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("trackingId");
    }

    @Test
    void consumersRejectDataThatIsNotJson() {
        assertThatThrownBy(() -> codec.decode("report.acknowledged.v2", "{not json"))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void consumersRejectUnknownTypeVersions() {
        assertThatThrownBy(() -> codec.decode("report.submitted.v9", "{}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("Unknown event type");
    }

    @Test
    void everyTypeNameCarriesItsVersionAndTravelsOnAKnownTopic() {
        for (EventType type : EventType.values()) {
            assertThat(type.typeName()).matches("[a-z]+(\\.[a-z]+)+\\.v[0-9]+");
            assertThat(Topics.eventTopics()).contains(type.topic());
            assertThat(EventType.fromTypeName(type.typeName())).contains(type);
        }
    }

    @Test
    void theEnvelopeSubjectIsThePayloadsSubject() {
        ReportAcknowledged acknowledged =
                new ReportAcknowledged(
                        UUID.randomUUID().toString(),
                        "EMB-2026-00001",
                        "pea2pea",
                        UUID.randomUUID().toString(),
                        Instant.now(),
                        List.of());

        assertThatThrownBy(
                        () ->
                                new EventEnvelope<>(
                                        "id",
                                        java.net.URI.create("/embargo/triage"),
                                        EventType.REPORT_ACKNOWLEDGED,
                                        java.time.OffsetDateTime.now(),
                                        "another-report",
                                        acknowledged))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acknowledgementsCarryTheDeadlinesOpenEndedOnesWithoutATime() {
        ReportAcknowledged acknowledged =
                new ReportAcknowledged(
                        UUID.randomUUID().toString(),
                        "EMB-2026-00001",
                        "emek",
                        UUID.randomUUID().toString(),
                        Instant.parse("2026-11-24T10:00:00Z"),
                        List.of(
                                new Deadline(
                                        "status_update",
                                        Instant.parse("2026-12-01T10:00:00Z"),
                                        "7d"),
                                new Deadline("fix", null, "next-release")));

        assertThat(codec.decode("report.acknowledged.v2", codec.encode(acknowledged)))
                .isEqualTo(acknowledged);
    }

    @Test
    void aV1AcknowledgementStillOnTheTopicIsReadWithItsPromisedDatesAsTheDeadlines() {
        String reportId = UUID.randomUUID().toString();
        String v1 =
                """
                {"reportId":"%s","trackingId":"EMB-2026-00001","programSlug":"emek","caseId":"%s",
                 "acknowledgedAt":"2026-11-24T10:00:00Z",
                 "promisedDates":[{"step":"fix","dueAt":"2026-12-24T10:00:00Z","promised":"30d"}]}
                """
                        .formatted(reportId, UUID.randomUUID());

        assertThat(codec.decode("report.acknowledged.v1", v1).current())
                .isInstanceOfSatisfying(
                        ReportAcknowledged.class,
                        current ->
                                assertThat(current.deadlines())
                                        .containsExactly(
                                                new Deadline(
                                                        "fix",
                                                        Instant.parse("2026-12-24T10:00:00Z"),
                                                        "30d")));
        assertThat(EventType.of(ReportAcknowledged.class).typeName())
                .isEqualTo("report.acknowledged.v2");
    }

    @Test
    void v1EventsCarryingDeadlinesAreReadAsTheirV2WithTheSameDeadlines() {
        List<Deadline> deadlines =
                List.of(new Deadline("disclosure", Instant.parse("2027-02-22T10:00:00Z"), "90d"));
        String reportId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-25T10:00:00Z");

        assertThat(
                        readAsCurrent(
                                new CaseSeverityChangedV1(
                                        reportId,
                                        caseId,
                                        "EMB-2026-00002",
                                        "emek",
                                        "high",
                                        null,
                                        null,
                                        "alice",
                                        deadlines,
                                        at)))
                .isEqualTo(
                        new CaseSeverityChanged(
                                reportId,
                                caseId,
                                "EMB-2026-00002",
                                "emek",
                                "high",
                                null,
                                null,
                                "alice",
                                deadlines,
                                at));
        assertThat(
                        readAsCurrent(
                                new CaseDeadlinesChangedV1(
                                        reportId,
                                        caseId,
                                        "EMB-2026-00002",
                                        "emek",
                                        "expedited",
                                        "alice",
                                        deadlines,
                                        at)))
                .isEqualTo(
                        new CaseDeadlinesChanged(
                                reportId,
                                caseId,
                                "EMB-2026-00002",
                                "emek",
                                "expedited",
                                "alice",
                                deadlines,
                                at));
        assertThat(
                        readAsCurrent(
                                new CaseStatusUpdateV1(
                                        reportId,
                                        caseId,
                                        "EMB-2026-00002",
                                        "emek",
                                        1,
                                        "triaging",
                                        deadlines,
                                        at)))
                .isEqualTo(
                        new CaseStatusUpdate(
                                reportId,
                                caseId,
                                "EMB-2026-00002",
                                "emek",
                                1,
                                "triaging",
                                deadlines,
                                at));
    }

    @Test
    void aV2DeadlinesChangeIsReadAsV3AndOnlyV3MayNameATrackAsItsCause() {
        List<Deadline> deadlines =
                List.of(new Deadline("fix", Instant.parse("2027-02-22T10:00:00Z"), "90d"));
        String reportId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        CaseDeadlinesChanged onTrack =
                new CaseDeadlinesChanged(
                        reportId,
                        caseId,
                        "EMB-2026-00002",
                        "emek",
                        "track",
                        "alice",
                        deadlines,
                        at);

        assertThat(
                        readAsCurrent(
                                new CaseDeadlinesChangedV2(
                                        reportId,
                                        caseId,
                                        "EMB-2026-00002",
                                        "emek",
                                        "extension",
                                        "alice",
                                        deadlines,
                                        at)))
                .isEqualTo(
                        new CaseDeadlinesChanged(
                                reportId,
                                caseId,
                                "EMB-2026-00002",
                                "emek",
                                "extension",
                                "alice",
                                deadlines,
                                at));
        assertThat(codec.decode("case.deadlines.changed.v4", codec.encode(onTrack)))
                .isEqualTo(onTrack);
        assertThatThrownBy(
                        () ->
                                codec.encode(
                                        new CaseDeadlinesChangedV2(
                                                reportId,
                                                caseId,
                                                "EMB-2026-00002",
                                                "emek",
                                                "track",
                                                "alice",
                                                deadlines,
                                                at)))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aV3DeadlinesChangeIsReadAsV4AndOnlyV4MayNameAPauseAsItsCause() {
        List<Deadline> deadlines =
                List.of(new Deadline("triage", Instant.parse("2026-12-14T10:00:00Z"), "7d"));
        String reportId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        CaseDeadlinesChangedV3 onTrack =
                new CaseDeadlinesChangedV3(
                        reportId,
                        caseId,
                        "EMB-2026-00002",
                        "emek",
                        "track",
                        "alice",
                        deadlines,
                        at);
        CaseDeadlinesChanged resumed =
                new CaseDeadlinesChanged(
                        reportId,
                        caseId,
                        "EMB-2026-00002",
                        "emek",
                        "resumed",
                        "reporter",
                        deadlines,
                        at);

        assertThat(readAsCurrent(onTrack))
                .isEqualTo(
                        new CaseDeadlinesChanged(
                                reportId,
                                caseId,
                                "EMB-2026-00002",
                                "emek",
                                "track",
                                "alice",
                                deadlines,
                                at));
        assertThat(codec.decode("case.deadlines.changed.v4", codec.encode(resumed)))
                .isEqualTo(resumed);
        assertThatThrownBy(
                        () ->
                                codec.encode(
                                        new CaseDeadlinesChangedV3(
                                                reportId,
                                                caseId,
                                                "EMB-2026-00002",
                                                "emek",
                                                "paused",
                                                "alice",
                                                deadlines,
                                                at)))
                .isInstanceOf(InvalidEventException.class);
    }

    private EventPayload readAsCurrent(EventPayload old) {
        EventType type = EventType.of(old.getClass());
        assertThat(type.current()).isNotEqualTo(type);
        return codec.decode(type.typeName(), codec.encode(old)).current();
    }

    @Test
    void programPoliciesTravelWholeKeyedBySlug() {
        ProgramPolicyPublished published =
                new ProgramPolicyPublished(
                        "moqtail",
                        2,
                        Instant.parse("2026-11-24T10:00:00Z"),
                        "{\"apiVersion\":\"embargo.dev/program/v1\",\"slug\":\"moqtail\"}");

        assertThat(codec.decode("program.policy.published.v1", codec.encode(published)))
                .isEqualTo(published);
        assertThat(published.subject()).isEqualTo("moqtail");
        assertThat(EventType.PROGRAM_POLICY_PUBLISHED.topic()).isEqualTo(Topics.PROGRAM_POLICIES);
    }

    @Test
    void deadlineWarningsAndBreachesRoundTripAndRefuseAStepThatCannotBeLate() {
        DeadlineBreached breached =
                new DeadlineBreached(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "EMB-2026-00007",
                        "moqtail",
                        "triage",
                        Instant.parse("2026-12-01T10:00:00Z"),
                        "triaging",
                        null,
                        Instant.parse("2026-12-01T10:00:05Z"));
        assertThat(codec.decode("deadline.breached.v2", codec.encode(breached)))
                .isEqualTo(breached);

        // Pre-release is the earliest time partners may be told, not something that can be late.
        String preRelease = codec.encode(breached).replace("\"triage\"", "\"pre_release\"");
        assertThatThrownBy(() -> codec.decode("deadline.breached.v2", preRelease))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aRegulatoryClockCanBeBreachedInV2AndAV1BreachIsReadAsV2() {
        DeadlineBreached craEarlyWarning =
                new DeadlineBreached(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "EMB-2026-00007",
                        "moqtail",
                        "cra_early_warning",
                        Instant.parse("2026-12-01T10:00:00Z"),
                        "fixing",
                        null,
                        Instant.parse("2026-12-01T10:00:05Z"));
        String json = codec.encode(craEarlyWarning);

        assertThat(codec.decode("deadline.breached.v2", json)).isEqualTo(craEarlyWarning);
        assertThatThrownBy(() -> codec.decode("deadline.breached.v1", json))
                .isInstanceOf(InvalidEventException.class);
        String v1 = json.replace("cra_early_warning", "fix");
        assertThat(codec.decode("deadline.breached.v1", v1).current())
                .isInstanceOf(DeadlineBreached.class)
                .extracting("step")
                .isEqualTo("fix");
        assertThat(codec.decode("deadline.approaching.v1", v1).current())
                .isInstanceOf(dev.embargo.contracts.report.DeadlineApproaching.class);
    }

    @Test
    void statusUpdatesCarryOnlyWhatTheReporterMaySee() {
        CaseStatusUpdate update =
                new CaseStatusUpdate(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "EMB-2026-00008",
                        "emek",
                        2,
                        "triaging",
                        List.of(),
                        Instant.parse("2026-12-08T10:00:00Z"));
        assertThat(codec.decode("case.status.update.v2", codec.encode(update))).isEqualTo(update);

        String spam = codec.encode(update).replace("\"triaging\"", "\"spam\"");
        assertThatThrownBy(() -> codec.decode("case.status.update.v2", spam))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void publishedAdvisoriesRoundTripAndRefuseAMalformedCveId() {
        AdvisoryPublished published =
                new AdvisoryPublished(
                        UUID.randomUUID().toString(),
                        "EMB-2026-0007",
                        "moqtail",
                        1,
                        "Selector bypass in MoQTail",
                        "CVE-2026-12345",
                        "high",
                        "https://advisories.example/advisories/EMB-2026-0007",
                        List.of(UUID.randomUUID().toString()),
                        List.of("Ada Lovelace"),
                        false,
                        Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(codec.decode("advisory.published.v1", codec.encode(published)))
                .isEqualTo(published);

        AdvisoryPublished badCve =
                new AdvisoryPublished(
                        published.advisoryId(),
                        published.publicId(),
                        "moqtail",
                        1,
                        published.title(),
                        "CVE-26-1",
                        null,
                        published.url(),
                        List.of(),
                        List.of(),
                        false,
                        published.publishedAt());
        assertThatThrownBy(() -> codec.encode(badCve)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void withdrawalsSupersessionsAndCveRejectionsRoundTripAndRefuseAnEmptyReason() {
        String advisory = UUID.randomUUID().toString();
        String page = "https://advisories.example/advisories/EMB-2026-0007";
        Instant at = Instant.parse("2026-12-07T19:00:00Z");
        AdvisoryWithdrawn withdrawn =
                new AdvisoryWithdrawn(
                        advisory,
                        "EMB-2026-0007",
                        "moqtail",
                        2,
                        "Selector bypass in MoQTail",
                        "CVE-2026-12345",
                        page,
                        "Published in error: not a vulnerability.",
                        at);
        AdvisorySuperseded superseded =
                new AdvisorySuperseded(
                        advisory,
                        "EMB-2026-0007",
                        "moqtail",
                        3,
                        "Selector bypass in MoQTail",
                        null,
                        page,
                        "EMB-2026-0008",
                        "https://advisories.example/advisories/EMB-2026-0008",
                        "Merged into one advisory.",
                        at);
        CveRecordRejected rejected =
                new CveRecordRejected(
                        advisory,
                        "EMB-2026-0007",
                        "moqtail",
                        "CVE-2026-12345",
                        page,
                        "Duplicate of CVE-2026-12346.",
                        at);

        assertThat(codec.decode("advisory.withdrawn.v1", codec.encode(withdrawn)))
                .isEqualTo(withdrawn);
        assertThat(codec.decode("advisory.superseded.v1", codec.encode(superseded)))
                .isEqualTo(superseded);
        assertThat(codec.decode("cve.record.rejected.v1", codec.encode(rejected)))
                .isEqualTo(rejected);
        AdvisoryWithdrawn unexplained =
                new AdvisoryWithdrawn(
                        advisory, "EMB-2026-0007", "moqtail", 2, "t", null, page, "", at);
        assertThatThrownBy(() -> codec.encode(unexplained))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aPartnerStatementRoundTripsAndRefusesAJustificationOutsideCsafVex() {
        PartnerStatementMade notAffected =
                new PartnerStatementMade(
                        UUID.randomUUID().toString(),
                        "moqtail",
                        UUID.randomUUID().toString(),
                        "Debian",
                        "moqtail-broker",
                        "not_affected",
                        "vulnerable_code_not_in_execute_path",
                        null,
                        "need_more_time",
                        Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(codec.decode("partner.statement.made.v1", codec.encode(notAffected)))
                .isEqualTo(notAffected);

        PartnerStatementMade unknownJustification =
                new PartnerStatementMade(
                        notAffected.advisoryId(),
                        "moqtail",
                        notAffected.partnerId(),
                        "Debian",
                        "moqtail-broker",
                        "not_affected",
                        "we_think_so",
                        null,
                        null,
                        notAffected.statedAt());
        assertThatThrownBy(() -> codec.encode(unknownJustification))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void anEscalationRoundTripsAndItsMessageTravelsOnlySealed() {
        ReportEscalated escalated =
                new ReportEscalated(
                        UUID.randomUUID().toString(),
                        "EMB-2026-00009",
                        "emek",
                        UUID.randomUUID().toString(),
                        "triage",
                        Instant.parse("2026-11-20T09:00:00Z"),
                        SEALED,
                        Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(codec.decode("report.escalated.v1", codec.encode(escalated)))
                .isEqualTo(escalated);

        ReportEscalated plaintext =
                new ReportEscalated(
                        escalated.reportId(),
                        escalated.trackingId(),
                        "emek",
                        escalated.escalationId(),
                        "triage",
                        escalated.dueAt(),
                        "Nobody answered in three weeks",
                        escalated.receivedAt());
        assertThatThrownBy(() -> codec.encode(plaintext)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void messagesToTheReporterTravelSealed() {
        CaseMessagePosted message =
                new CaseMessagePosted(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "EMB-2026-00009",
                        "emek",
                        UUID.randomUUID().toString(),
                        SEALED,
                        Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(codec.decode("case.message.posted.v1", codec.encode(message)))
                .isEqualTo(message);

        CaseMessagePosted plaintext =
                new CaseMessagePosted(
                        message.reportId(),
                        message.caseId(),
                        message.trackingId(),
                        "emek",
                        message.messageId(),
                        "Can you share the PoC?",
                        message.postedAt());
        assertThatThrownBy(() -> codec.encode(plaintext)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aV1ReportStillOnTheTopicIsReadAsTheCurrentVersionWithoutTheReportersClaims() {
        ReportSubmittedV1 old =
                new ReportSubmittedV1(
                        UUID.randomUUID().toString(),
                        "EMB-2026-00001",
                        "pea2pea",
                        1,
                        SEALED,
                        SEALED,
                        null,
                        null,
                        null,
                        Instant.parse("2026-11-24T10:00:00Z"));
        EventPayload decoded = codec.decode("report.submitted.v1", codec.encode(old));
        assertThat(decoded.current())
                .isInstanceOfSatisfying(
                        ReportSubmitted.class,
                        current -> {
                            assertThat(current.trackingId()).isEqualTo("EMB-2026-00001");
                            assertThat(current.reportedScopeClass()).isNull();
                            assertThat(current.creditPreference()).isNull();
                        });
        assertThat(EventType.of(ReportSubmitted.class).typeName()).isEqualTo("report.submitted.v3");
    }

    @Test
    void aDuplicateMarkingCarriesTheCreditNameSealedAndAV1MarkingIsStillRead() {
        CaseDuplicateMarkedV1 old =
                new CaseDuplicateMarkedV1(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "EMB-2026-00008",
                        "pea2pea",
                        UUID.randomUUID().toString(),
                        "EMB-2026-00002",
                        "Ada L.",
                        "tess",
                        Instant.parse("2026-11-24T10:15:30Z"));

        EventPayload read = codec.decode("case.duplicate.marked.v1", codec.encode(old)).current();

        // Read as v2, its plain name stands in the sealed field; v2 itself carries only ciphertext.
        assertThat(read).isInstanceOf(CaseDuplicateMarked.class);
        CaseDuplicateMarked plain = (CaseDuplicateMarked) read;
        assertThat(plain.sealedCreditName()).isEqualTo("Ada L.");
        assertThatThrownBy(() -> codec.encode(plain))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("sealedCreditName");
        CaseDuplicateMarked sealed =
                new CaseDuplicateMarked(
                        old.reportId(),
                        old.caseId(),
                        old.trackingId(),
                        old.programSlug(),
                        old.originalCaseId(),
                        old.originalTrackingId(),
                        SEALED,
                        old.actor(),
                        old.markedAt());
        assertThat(codec.decode("case.duplicate.marked.v2", codec.encode(sealed)))
                .isEqualTo(sealed);
    }

    @Test
    void aCreditPreferenceOutsideTheContractIsRefused() {
        String json = codec.encode(submitted()).replace("\"name\"", "\"famous\"");
        assertThatThrownBy(() -> codec.decode("report.submitted.v3", json))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void anUnusedIdsRejectionIsKeyedByTheIdAndItsReasonTravelsSealed() {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        CveIdRejected rejected = new CveIdRejected("pea2pea", "CVE-2026-12346", SEALED, "ada", at);

        assertThat(rejected.subject()).isEqualTo("CVE-2026-12346");
        assertThat(codec.decode("cve.id.rejected.v1", codec.encode(rejected))).isEqualTo(rejected);
        assertThatThrownBy(
                        () ->
                                codec.encode(
                                        new CveIdRejected(
                                                "pea2pea", "CVE-2026-12346", "unused", "ada", at)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("sealedReason");
    }

    @Test
    void aV1CveAssignmentIsStillReadAsV2WithoutAReservationTime() {
        CaseCveAssignedV1 old =
                new CaseCveAssignedV1(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "EMB-2026-00042",
                        "pea2pea",
                        "CVE-2026-12345",
                        "own-cna",
                        "pea2pea",
                        "tess",
                        Instant.parse("2026-12-07T10:00:00Z"));

        EventPayload read = codec.decode("case.cve.assigned.v1", codec.encode(old)).current();

        assertThat(read)
                .isEqualTo(
                        new CaseCveAssigned(
                                old.reportId(),
                                old.caseId(),
                                old.trackingId(),
                                old.programSlug(),
                                old.cveId(),
                                old.route(),
                                old.assigner(),
                                null,
                                old.actor(),
                                old.assignedAt()));
        assertThat(EventType.of(CaseCveAssigned.class).typeName())
                .isEqualTo("case.cve.assigned.v2");
    }

    @Test
    void aCveIdTravelsPlainAndARejectionReasonSealed() {
        String reportId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        CaseCveAssigned assigned =
                new CaseCveAssigned(
                        reportId,
                        caseId,
                        "EMB-2026-00042",
                        "pea2pea",
                        "CVE-2026-12345",
                        "own-cna",
                        "pea2pea",
                        Instant.parse("2026-12-01T09:00:00Z"),
                        "tess",
                        at);
        CaseCveRejected rejected =
                new CaseCveRejected(
                        reportId,
                        caseId,
                        "EMB-2026-00042",
                        "pea2pea",
                        "CVE-2026-12345",
                        SEALED,
                        "tess",
                        at);

        assertThat(codec.decode("case.cve.assigned.v2", codec.encode(assigned)))
                .isEqualTo(assigned);
        assertThat(codec.decode("case.cve.rejected.v1", codec.encode(rejected)))
                .isEqualTo(rejected);
        assertThatThrownBy(
                        () ->
                                codec.encode(
                                        new CaseCveRejected(
                                                reportId,
                                                caseId,
                                                "EMB-2026-00042",
                                                "pea2pea",
                                                "CVE-2026-12345",
                                                "a duplicate",
                                                "tess",
                                                at)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("sealedReason");
        assertThatThrownBy(
                        () ->
                                codec.encode(
                                        new CaseCveAssigned(
                                                reportId,
                                                caseId,
                                                "EMB-2026-00042",
                                                "pea2pea",
                                                "CVE-26-1",
                                                "own-cna",
                                                null,
                                                null,
                                                "tess",
                                                at)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("cveId");
    }

    @Test
    void anSsvcDecisionSurvivesTheRoundTripAndAnEmptyOneIsRefused() {
        String reportId = UUID.randomUUID().toString();
        CaseSsvcDecided decided =
                new CaseSsvcDecided(
                        reportId,
                        UUID.randomUUID().toString(),
                        "EMB-2026-00042",
                        "pea2pea",
                        new CaseSsvcDecided.Decision(
                                "CISA Coordinator",
                                "2.0.3",
                                List.of(
                                        new CaseSsvcDecided.Option("Exploitation", "Active"),
                                        new CaseSsvcDecided.Option("Automatable", "Yes")),
                                "Act"),
                        null,
                        "tess",
                        Instant.parse("2026-12-07T10:00:00Z"));

        assertThat(codec.decode("case.ssvc.decided.v1", codec.encode(decided))).isEqualTo(decided);
        assertThat(decided.subject()).isEqualTo(reportId);
        assertThatThrownBy(
                        () ->
                                codec.encode(
                                        new CaseSsvcDecided(
                                                reportId,
                                                decided.caseId(),
                                                "EMB-2026-00042",
                                                "pea2pea",
                                                new CaseSsvcDecided.Decision(
                                                        "CISA Coordinator",
                                                        "2.0.3",
                                                        List.of(),
                                                        "Act"),
                                                null,
                                                "tess",
                                                decided.decidedAt())))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("options");
    }

    @Test
    void aPublishedCveRecordTravelsOnTheReportsPartition() {
        String reportId = UUID.randomUUID().toString();
        CveRecordPublished published =
                new CveRecordPublished(
                        reportId, "pea2pea", "CVE-2026-12345", "PUBLISHED", null, Instant.now());

        assertThat(codec.decode("cve.record.published.v1", codec.encode(published)))
                .isEqualTo(published);
        assertThat(published.subject()).isEqualTo(reportId);
        assertThat(EventType.CVE_RECORD_PUBLISHED.topic()).isEqualTo(Topics.REPORT_LIFECYCLE);
    }

    @Test
    void everyEventTopicHasADeadLetterTopic() {
        assertThat(Topics.all())
                .extracting(Topics.TopicSpec::name)
                .contains("embargo.report-lifecycle.v1", "embargo.report-lifecycle.v1.dlq");
    }

    private static ReportSubmitted submitted() {
        return new ReportSubmitted(
                UUID.randomUUID().toString(),
                "EMB-2026-00042",
                "pea2pea",
                3,
                SEALED,
                SEALED,
                SEALED,
                SEALED,
                SEALED,
                Instant.parse("2026-11-24T10:15:30Z"),
                "panic-vector",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
                "name");
    }

    private static ReportSubmitted withCreditAndVersion(
            ReportSubmitted report, String creditName, String affectedVersion) {
        return new ReportSubmitted(
                report.reportId(),
                report.trackingId(),
                report.programSlug(),
                report.programRevision(),
                report.sealedTitle(),
                report.sealedDescription(),
                report.sealedReporterEmail(),
                creditName,
                affectedVersion,
                report.submittedAt(),
                report.reportedScopeClass(),
                report.reportedCvssVector(),
                report.creditPreference());
    }

    @Test
    void anOlderVersionIsReadAsTheNewestOfItsNameAndTheNewestAsItself() {
        assertThat(EventType.REPORT_SUBMITTED_V1.current()).isEqualTo(EventType.REPORT_SUBMITTED);
        assertThat(EventType.REPORT_SUBMITTED.current()).isEqualTo(EventType.REPORT_SUBMITTED);
        assertThat(EventType.REPORT_ACKNOWLEDGED.current())
                .isEqualTo(EventType.REPORT_ACKNOWLEDGED);
        assertThat(EventType.REPORT_ACKNOWLEDGED_V1.current())
                .isEqualTo(EventType.REPORT_ACKNOWLEDGED);
    }
}
