package dev.embargo.notify.service;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.crypto.OpenPgpRecipient;
import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.SessionContexts;
import dev.embargo.kit.work.Transactions;
import dev.embargo.kit.work.WakeOnCommit;
import dev.embargo.notify.config.EmailConfig;
import dev.embargo.notify.domain.DeliveryStatus;
import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.EmailKind;
import dev.embargo.notify.domain.ProgramContact;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import dev.embargo.policy.io.ProgramText;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Engine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued emails, at least once each. A pass claims a batch of due deliveries, locked so that
 * no two dispatchers (replicas) send them, sends them one after another and marks them in that one
 * transaction. If the process or PostgreSQL dies after the SMTP server accepted a message but
 * before the commit, every message of the batch accepted so far is sent again once a dispatcher
 * runs again; its Message-ID stays the same, so mail clients fold the copies into one. SMTP has no
 * way to ask a server whether it already took a Message-ID, so the copy cannot be avoided by
 * checking first.
 *
 * <p>A pass runs as soon as a transaction that queued emails commits (email_delivery's trigger
 * notifies {@value #QUEUED_CHANNEL}); the poll finds retries as they fall due. A pass has up to
 * {@value #SENDS_IN_FLIGHT} emails with the SMTP server at once: one after another, the last of a
 * batch waited for every earlier one's round trips.
 */
@ApplicationScoped
public class EmailDispatcher {

    /** The channel email_delivery's trigger notifies (migration V2026_12_07_902). */
    static final String QUEUED_CHANNEL = "embargo_email";

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    /** Within the SMTP client's connection pool (quarkus.mailer.max-pool-size, 10 by default). */
    static final int SENDS_IN_FLIGHT = 8;

    private final EmailDeliveryRepository deliveries;
    private final ReactiveMailer mailer;
    private final Engine templates;
    private final FieldCipher cipher;
    private final EmailConfig config;
    private final DeadlineLines deadlineLines;
    private final EmailDetails details;
    private final ProgramContacts programs;
    private final String senderAddress;
    private final MeterRegistry registry;
    private final RepeatingPass pass = RepeatingPass.draining("Email dispatch", this::sendDue);

    EmailDispatcher(
            EmailDeliveryRepository deliveries,
            ReactiveMailer mailer,
            Engine templates,
            FieldCipher cipher,
            EmailConfig config,
            DeadlineLines deadlineLines,
            EmailDetails details,
            ProgramContacts programs,
            @ConfigProperty(name = "quarkus.mailer.from") String mailFrom,
            MeterRegistry registry) {
        this.programs = programs;
        this.senderAddress = addressOf(mailFrom);
        this.details = details;
        this.deadlineLines = deadlineLines;
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.templates = templates;
        this.cipher = cipher;
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent startup, Vertx vertx, WakeOnCommit wakeOnCommit) {
        pass.start(vertx, config.pollInterval());
        wakeOnCommit.wake(pass, QUEUED_CHANNEL);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pass.stop();
    }

    /**
     * One pass: claims due emails and sends them; true when the batch was full, so that the next
     * one follows at once.
     */
    Uni<Boolean> sendDue() {
        return Transactions.inTransaction(
                () ->
                        deliveries
                                .claimDue(config.batchSize())
                                .chain(
                                        due ->
                                                due.isEmpty()
                                                        ? Uni.createFrom().item(false)
                                                        : programs.bySlug()
                                                                .chain(
                                                                        bySlug ->
                                                                                sendAll(
                                                                                        due,
                                                                                        bySlug))
                                                                .replaceWith(
                                                                        due.size()
                                                                                == config
                                                                                        .batchSize())));
    }

    private Uni<Void> sendAll(List<EmailDelivery> due, Map<String, ProgramContact> bySlug) {
        // The SMTP client completes on its own threads; the session lives on this context.
        Executor sessionContext = SessionContexts.current();
        return inFlightTogether(
                due,
                delivery -> send(delivery, bySlug.get(delivery.programSlug), sessionContext),
                SENDS_IN_FLIGHT);
    }

    /** {@code work} on every item, at most {@code atOnce} of them under way at any time. */
    static <T> Uni<Void> inFlightTogether(List<T> items, Function<T, Uni<Void>> work, int atOnce) {
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUni(work::apply)
                .merge(atOnce)
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> send(
            EmailDelivery delivery, ProgramContact program, Executor sessionContext) {
        // Composed inside the Uni: a delivery that cannot be composed fails alone, not the whole
        // batch.
        return Uni.createFrom()
                .item(() -> compose(delivery, program))
                .chain(mail -> mailer.send(mail))
                .emitOn(sessionContext)
                .onItem()
                .invoke(
                        () -> {
                            delivery.status = DeliveryStatus.SENT;
                            delivery.attempts++;
                            delivery.sentAt = OffsetDateTime.now(ZoneOffset.UTC);
                            delivery.lastError = null;
                            registry.counter("embargo.email.sent", "kind", delivery.kind.name())
                                    .increment();
                        })
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            recordFailure(delivery, failure);
                            return null;
                        })
                .replaceWithVoid();
    }

    private Mail compose(EmailDelivery delivery, ProgramContact program) {
        Map<String, String> said = details.read(delivery.details);
        Map<String, Object> data = new HashMap<>(said);
        data.put("trackingId", delivery.trackingId);
        data.put("programSlug", delivery.programSlug);
        data.put("deadlines", deadlineLines.read(delivery.deadlines));
        if (delivery.sealedBody != null) {
            data.put("message", cipher.open(delivery.sealedBody));
        }
        String template = "emails/" + delivery.kind.template();
        String text = templates.getTemplate(template + ".txt").render(data);
        Mail mail =
                new Mail()
                        .setTo(recipients(delivery, program))
                        .setSubject(delivery.kind.subject(delivery.trackingId, said.get("step")));
        if (delivery.sealedEncryptTo != null) {
            // Inline OpenPGP: the text, encrypted to the reporter's key; no HTML part to leak it in
            // the clear.
            mail.setText(OpenPgpRecipient.of(cipher.open(delivery.sealedEncryptTo)).encrypt(text));
        } else {
            mail.setText(text).setHtml(templates.getTemplate(template + ".html").render(data));
        }
        mail.addHeader("Message-ID", "<" + delivery.id + "@embargo>");
        // RFC 3834: a machine wrote this, so out-of-office replies stay away and nothing loops.
        mail.addHeader("Auto-Submitted", "auto-generated");
        if (delivery.kind.toReporter() && program != null) {
            // On the program's behalf: its name signs, its team gets the replies. The address stays
            // the platform's own.
            String name = program.programName == null ? delivery.programSlug : program.programName;
            mail.setFrom(sender(name + " security team", senderAddress));
            config.replyToIntakeDomain()
                    .map(domain -> delivery.programSlug + "@" + domain)
                    .or(() -> program.addresses().stream().findFirst())
                    .map(EmailDispatcher::oneLine)
                    .ifPresent(mail::setReplyTo);
        }
        return mail;
    }

    /**
     * The delivery's own recipients, or, for a team email, the addresses of the program's revision
     * in force, and for a reporter's escalation its escalation contacts too. Until notify knows the
     * program's team the email waits as after a failed attempt.
     */
    private List<String> recipients(EmailDelivery delivery, ProgramContact program) {
        if (delivery.sealedRecipient != null) {
            return List.of(cipher.open(delivery.sealedRecipient).split("\n"));
        }
        if (program == null || program.addresses().isEmpty()) {
            throw new IllegalStateException(
                    "no contact address of program " + delivery.programSlug + " known yet");
        }
        if (delivery.kind == EmailKind.REPORTER_ESCALATION) {
            return Stream.concat(
                            program.addresses().stream(), program.escalationAddresses().stream())
                    .distinct()
                    .toList();
        }
        return program.addresses();
    }

    private void recordFailure(EmailDelivery delivery, Throwable failure) {
        delivery.attempts++;
        delivery.lastError = failure.getClass().getSimpleName();
        if (delivery.attempts >= config.maxAttempts()) {
            delivery.status = DeliveryStatus.FAILED;
            LOG.errorf(
                    "Giving up email delivery %s after %d attempts: %s",
                    delivery.id, delivery.attempts, failure.getMessage());
        } else {
            delivery.nextAttemptAt =
                    OffsetDateTime.now(ZoneOffset.UTC).plus(backoff(delivery.attempts));
            LOG.warnf(
                    "Email delivery %s failed (attempt %d), will retry: %s",
                    delivery.id, delivery.attempts, failure.getMessage());
        }
        registry.counter("embargo.email.failed", "kind", delivery.kind.name()).increment();
    }

    /**
     * {@code display name <address>}, the name kept to letters, digits, spaces and {@code .-'&}:
     * program names hold parentheses and commas, which the SMTP client refuses, and nothing in a
     * name may reach another header.
     */
    static String sender(String displayName, String address) {
        String plain =
                displayName
                        .replaceAll("[^\\p{L}\\p{N} .'&-]", " ")
                        .replaceAll(" {2,}", " ")
                        .strip();
        return plain + " <" + address + ">";
    }

    /**
     * A header value from a program's revision on one line: the mail client writes a line feed in a
     * header as it is, which would start a header of its own. Program files refuse them now;
     * revisions admitted before may still hold a trailing one.
     */
    static String oneLine(String headerValue) {
        return ProgramText.singleLine(headerValue).strip();
    }

    /** The address of a "Name <address>" sender. */
    static String addressOf(String from) {
        int open = from.indexOf('<');
        int close = from.indexOf('>', open + 1);
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }

    /** 5 s, 10 s, 20 s ... capped at an hour. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }
}
