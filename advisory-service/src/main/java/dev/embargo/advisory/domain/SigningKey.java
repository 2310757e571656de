package dev.embargo.advisory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The OpenPGP key that signs published CSAF documents when none is configured; generated once. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    public static final int THE_KEY = 1;

    @Id public int id;

    public String fingerprint;

    @Column(name = "armored_public_key")
    public String armoredPublicKey;

    /** The armored secret key, sealed with the envelope keys. */
    @Column(name = "sealed_secret_key")
    public String sealedSecretKey;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
