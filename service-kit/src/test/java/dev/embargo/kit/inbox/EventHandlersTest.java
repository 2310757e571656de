package dev.embargo.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.embargo.contracts.EventType;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.contracts.report.ReportSubmittedV1;
import dev.embargo.contracts.report.ReporterKeyProvided;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventHandlersTest {

    @Test
    void everyVersionOfAHandledEventIsHandledAndOtherEventsAreNot() {
        EventHandlers handlers =
                new EventHandlers()
                        .on(ReportSubmitted.class, submitted -> Uni.createFrom().voidItem());

        assertThat(handlers.handles(EventType.REPORT_SUBMITTED)).isTrue();
        assertThat(handlers.handles(EventType.REPORT_SUBMITTED_V1))
                .as("read as the current version")
                .isTrue();
        assertThat(handlers.handles(EventType.REPORT_ACKNOWLEDGED)).isFalse();
        assertThat(handlers.handles(EventType.PROGRAM_POLICY_PUBLISHED)).isFalse();
    }

    @Test
    void aHandlerGetsItsOwnPayloadAndTheEnvelope() {
        List<String> seen = new ArrayList<>();
        EventHandlers handlers =
                new EventHandlers()
                        .on(
                                ReportSubmitted.class,
                                submitted ->
                                        Uni.createFrom()
                                                .voidItem()
                                                .invoke(() -> seen.add("submitted")))
                        .onWithEnvelope(
                                ReporterKeyProvided.class,
                                (key, event) ->
                                        Uni.createFrom()
                                                .voidItem()
                                                .invoke(
                                                        () ->
                                                                seen.add(
                                                                        key.fingerprint()
                                                                                + " in "
                                                                                + event.id())));
        ReporterKeyProvided key =
                new ReporterKeyProvided("r-1", "EMB-2026-00001", "sealed", "ABCD", Instant.now());

        handlers.apply(
                        new InboundEvent(
                                "event-7",
                                EventType.REPORTER_KEY_PROVIDED,
                                URI.create("/intake"),
                                "r-1",
                                null,
                                key))
                .await()
                .indefinitely();

        assertThat(seen).containsExactly("ABCD in event-7");
    }

    @Test
    void anOldVersionCannotBeHandledItselfAndNoTypeTwice() {
        assertThatThrownBy(
                        () ->
                                new EventHandlers()
                                        .on(
                                                ReportSubmittedV1.class,
                                                old -> Uni.createFrom().voidItem()))
                .hasMessageContaining("old version");
        EventHandlers handlers =
                new EventHandlers()
                        .on(ReportSubmitted.class, submitted -> Uni.createFrom().voidItem());
        assertThatThrownBy(
                        () ->
                                handlers.on(
                                        ReportSubmitted.class,
                                        submitted -> Uni.createFrom().voidItem()))
                .hasMessageContaining("Two handlers");
    }

    @Test
    void everyVersionOfABatchHandledEventIsHandledInBatchesAndNeverAlsoOneByOne() {
        EventHandlers handlers =
                new EventHandlers()
                        .onBatch(
                                ReportSubmitted.class,
                                (transaction, reports) -> Uni.createFrom().voidItem())
                        .on(ReporterKeyProvided.class, key -> Uni.createFrom().voidItem());

        assertThat(handlers.handles(EventType.REPORT_SUBMITTED_V1)).isTrue();
        assertThat(handlers.handlesInBatches(EventType.REPORT_SUBMITTED)).isTrue();
        assertThat(handlers.handlesInBatches(EventType.REPORT_SUBMITTED_V1))
                .as("read as the current version")
                .isTrue();
        assertThat(handlers.handlesInBatches(EventType.REPORTER_KEY_PROVIDED)).isFalse();
        assertThatThrownBy(
                        () ->
                                handlers.on(
                                        ReportSubmitted.class,
                                        submitted -> Uni.createFrom().voidItem()))
                .hasMessageContaining("Two handlers");
    }
}
