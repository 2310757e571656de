package dev.embargo.advisory.repository;

import dev.embargo.advisory.domain.SigningKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, Integer> {

    /** Keeps a generated key unless another replica stored one first; the stored one wins. */
    public Uni<Integer> insertIfAbsent(
            String fingerprint,
            String armoredPublicKey,
            String sealedSecretKey,
            OffsetDateTime createdAt) {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(
                                                """
                                                INSERT INTO signing_key (id, fingerprint, armored_public_key, sealed_secret_key, created_at)
                                                VALUES (1, :fingerprint, :publicKey, :secretKey, :createdAt) ON CONFLICT (id) DO NOTHING\
                                                """)
                                        .setParameter("fingerprint", fingerprint)
                                        .setParameter("publicKey", armoredPublicKey)
                                        .setParameter("secretKey", sealedSecretKey)
                                        .setParameter("createdAt", createdAt)
                                        .executeUpdate());
    }
}
