package dev.embargo.intake.service;

import dev.embargo.contracts.report.ReporterKeyProvided;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.repository.ReportRepository;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.crypto.OpenPgpRecipient;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Reporters' OpenPGP public keys: checked here (a key notify could not encrypt to is refused while
 * the reporter is still there to hear it) and handed to notify as {@code
 * report.reporter.key.provided}. Intake keeps no copy: it sends the reporter nothing itself.
 */
@ApplicationScoped
public class ReporterKeys {

    private final Outbox outbox;
    private final FieldCipher cipher;
    private final ReportRepository reports;
    private final ReporterTokens tokens;

    ReporterKeys(
            Outbox outbox, FieldCipher cipher, ReportRepository reports, ReporterTokens tokens) {
        this.outbox = outbox;
        this.cipher = cipher;
        this.reports = reports;
        this.tokens = tokens;
    }

    /** The key's recipient; 422 naming the field when no email could be encrypted to it. */
    public OpenPgpRecipient check(String armoredKey) {
        try {
            return OpenPgpRecipient.of(armoredKey);
        } catch (IllegalArgumentException refused) {
            throw new ProblemException(
                    new Problem(
                            "https://embargo.dev/problems/unusable-public-key",
                            "Unusable public key",
                            422,
                            "Emails cannot be encrypted to this key: " + refused.getMessage() + ".",
                            List.of(
                                    new Problem.FieldError(
                                            "reporterPublicKey", refused.getMessage()))));
        }
    }

    /** Stages the key for notify; inside the caller's transaction. */
    public Uni<Void> provide(Report report, String armoredKey) {
        return outbox.stage(keyProvided(report, armoredKey)).replaceWithVoid();
    }

    /**
     * The event handing the key to notify, sealed; 422 naming the field when the key is unusable.
     */
    public ReporterKeyProvided keyProvided(Report report, String armoredKey) {
        OpenPgpRecipient recipient = check(armoredKey);
        return new ReporterKeyProvided(
                report.id.toString(),
                report.trackingId,
                cipher.seal(armoredKey),
                recipient.fingerprint(),
                Instant.now());
    }

    /**
     * The reporter gives (or replaces) their key through the status link; returns its fingerprint.
     */
    public Uni<String> replace(String trackingId, String token, String armoredKey) {
        String fingerprint = check(armoredKey).fingerprint();
        return Transactions.inTransaction(
                () ->
                        reports.findByTrackingId(trackingId)
                                .chain(found -> provide(tokens.authorise(found, token), armoredKey))
                                .replaceWith(fingerprint));
    }
}
