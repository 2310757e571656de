package dev.embargo.notify.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmailDispatcherTest {

    @Test
    void aProgramsNameSignsWithoutTheCharactersThatWouldBreakTheHeader() {
        assertThat(
                        EmailDispatcher.sender(
                                "emek (ASIP) security team", "security@embargo.localhost"))
                .isEqualTo("emek ASIP security team <security@embargo.localhost>");
        assertThat(EmailDispatcher.sender("Evil\" <x@y>\r\nBcc: z", "s@e.org"))
                .isEqualTo("Evil x y Bcc z <s@e.org>");
    }

    @Test
    void aReplyToAddressFromAProgramStaysOnOneLine() {
        assertThat(EmailDispatcher.oneLine("psirt@acme.example\n")).isEqualTo("psirt@acme.example");
        assertThat(EmailDispatcher.oneLine("a@acme.example\r\nBcc: b@evil.example"))
                .isEqualTo("a@acme.example Bcc: b@evil.example");
    }

    @Test
    void theSenderAddressIsTakenFromANamedSender() {
        assertThat(EmailDispatcher.addressOf("Embargo <security@embargo.localhost>"))
                .isEqualTo("security@embargo.localhost");
        assertThat(EmailDispatcher.addressOf("security@embargo.localhost"))
                .isEqualTo("security@embargo.localhost");
    }

    @Test
    void retriesAfterFiveSecondsThenDoublesTheWait() {
        assertThat(EmailDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(EmailDispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(EmailDispatcher.backoff(5)).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void neverWaitsMoreThanAnHourBetweenAttempts() {
        assertThat(EmailDispatcher.backoff(11)).isEqualTo(Duration.ofHours(1));
        assertThat(EmailDispatcher.backoff(60)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aPassHasSeveralEmailsWithTheMailServerAtOnceButNeverMoreThanItsShare() {
        AtomicInteger withServer = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        List<Integer> emails = IntStream.range(0, 20).boxed().toList();

        EmailDispatcher.inFlightTogether(
                        emails,
                        email ->
                                Uni.createFrom()
                                        .voidItem()
                                        .invoke(
                                                () ->
                                                        mostAtOnce.accumulateAndGet(
                                                                withServer.incrementAndGet(),
                                                                Math::max))
                                        // The mail server's round trips.
                                        .onItem()
                                        .delayIt()
                                        .by(Duration.ofMillis(50))
                                        .invoke(
                                                () -> {
                                                    withServer.decrementAndGet();
                                                    sent.incrementAndGet();
                                                }),
                        EmailDispatcher.SENDS_IN_FLIGHT)
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(sent).as("every email of the batch").hasValue(20);
        assertThat(mostAtOnce).hasValue(EmailDispatcher.SENDS_IN_FLIGHT);
    }
}
