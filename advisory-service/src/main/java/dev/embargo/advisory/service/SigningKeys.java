package dev.embargo.advisory.service;

import dev.embargo.advisory.config.AdvisoryConfig;
import dev.embargo.advisory.domain.SigningKey;
import dev.embargo.advisory.repository.SigningKeyRepository;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The key that signs published CSAF documents: the configured one, or else one generated once and
 * kept sealed in the database, so that every replica and every restart signs with the same key.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final AdvisoryConfig config;
    private final SigningKeyRepository keys;
    private final FieldCipher cipher;
    private final Vertx vertx;
    private final AtomicReference<OpenPgpSigner> signer = new AtomicReference<>();

    SigningKeys(AdvisoryConfig config, SigningKeyRepository keys, FieldCipher cipher, Vertx vertx) {
        this.config = config;
        this.keys = keys;
        this.cipher = cipher;
        this.vertx = vertx;
    }

    /**
     * The signer; the first call loads or generates the key (generation runs on a worker thread).
     */
    public Uni<OpenPgpSigner> signer() {
        OpenPgpSigner known = signer.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        if (config.signingKey().isPresent()) {
            return Uni.createFrom()
                    .item(
                            remember(
                                    OpenPgpSigner.of(
                                            config.signingKey().get(),
                                            config.signingKeyPassphrase().orElse(""))));
        }
        return Transactions.inSession(() -> keys.findById(SigningKey.THE_KEY))
                .chain(
                        stored ->
                                stored != null
                                        ? Uni.createFrom()
                                                .item(
                                                        remember(
                                                                OpenPgpSigner.of(
                                                                        cipher.open(
                                                                                stored.sealedSecretKey),
                                                                        "")))
                                        : generate());
    }

    private Uni<OpenPgpSigner> generate() {
        String userId =
                config.publisher().name()
                        + " CSAF signing key <"
                        + config.publisher().contact()
                        + ">";
        return vertx.executeBlocking(() -> OpenPgpSigner.generateArmoredSecretKey(userId))
                .chain(
                        armored -> {
                            OpenPgpSigner generated = OpenPgpSigner.of(armored, "");
                            return Transactions.inTransaction(
                                    () ->
                                            keys.insertIfAbsent(
                                                    generated.fingerprint(),
                                                    generated.armoredPublicKey(),
                                                    cipher.seal(armored),
                                                    OffsetDateTime.now(ZoneOffset.UTC)));
                        })
                .chain(ignored -> Transactions.inSession(() -> keys.findById(SigningKey.THE_KEY)))
                .map(
                        stored -> {
                            OpenPgpSigner kept =
                                    OpenPgpSigner.of(cipher.open(stored.sealedSecretKey), "");
                            LOG.infof(
                                    "CSAF documents are signed with generated OpenPGP key %s",
                                    kept.fingerprint());
                            return remember(kept);
                        });
    }

    private OpenPgpSigner remember(OpenPgpSigner loaded) {
        signer.compareAndSet(null, loaded);
        return signer.get();
    }
}
