package dev.embargo.intake.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/**
 * Text a reporter encrypted with OpenPGP before sending it (ASCII armor). Intake keeps it as it
 * came — only the program's team, with its private key, can read it — but first checks, with
 * Bouncy Castle, that it is a well-formed OpenPGP message (armor checksum included) encrypted to
 * one of the program's published keys, so a message nobody can ever decrypt is refused at once.
 */
public final class ArmoredMessage {

    private static final String HEADER = "-----BEGIN PGP MESSAGE-----";

    private ArmoredMessage() {
    }

    /** Whether the text is (meant to be) an armored OpenPGP message. */
    public static boolean looksArmored(String text) {
        return text != null && text.strip().startsWith(HEADER);
    }

    /**
     * Why the armored text cannot be accepted for a program whose published key is
     * {@code armoredProgramKey} (null: none published); empty when it can.
     */
    public static Optional<String> refusal(String text, String armoredProgramKey) {
        if (armoredProgramKey == null) {
            return Optional.of("this program publishes no OpenPGP key to encrypt to");
        }
        Set<Long> recipients;
        try {
            recipients = recipientKeyIds(text);
        } catch (IOException | PGPException | RuntimeException e) {
            return Optional.of("not a valid OpenPGP message");
        }
        if (recipients.isEmpty()) {
            return Optional.of("not encrypted to a public key");
        }
        Set<Long> programKeys;
        try {
            programKeys = keyIds(armoredProgramKey);
        } catch (IOException | PGPException | RuntimeException e) {
            return Optional.of("this program's published key cannot be read");
        }
        return recipients.stream().anyMatch(programKeys::contains) ? Optional.empty()
                : Optional.of("encrypted to a key that is not this program's");
    }

    private static Set<Long> recipientKeyIds(String armored) throws IOException, PGPException {
        try (InputStream in = PGPUtil.getDecoderStream(stream(armored))) {
            JcaPGPObjectFactory objects = new JcaPGPObjectFactory(in);
            Object first = objects.nextObject();
            if (first instanceof PGPMarker) {
                first = objects.nextObject();
            }
            if (!(first instanceof PGPEncryptedDataList list)) {
                throw new PGPException("no encrypted data");
            }
            Set<Long> ids = new HashSet<>();
            for (Object data : list) {
                if (data instanceof PGPPublicKeyEncryptedData encrypted) {
                    ids.add(encrypted.getKeyID());
                }
            }
            return ids;
        }
    }

    private static Set<Long> keyIds(String armoredKey) throws IOException, PGPException {
        try (InputStream in = PGPUtil.getDecoderStream(stream(armoredKey))) {
            Set<Long> ids = new HashSet<>();
            for (PGPPublicKeyRing ring : new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator())) {
                for (Iterator<PGPPublicKey> keys = ring.getPublicKeys(); keys.hasNext(); ) {
                    ids.add(keys.next().getKeyID());
                }
            }
            return ids;
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
