package dev.embargo.intake.domain;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.pgpainless.PGPainless;
import org.pgpainless.decryption_verification.MessageInspector;

/**
 * Text a reporter encrypted with OpenPGP before sending it (ASCII armor). Intake keeps it as it
 * came — only the program's team, with its private key, can read it — but first checks, with
 * PGPainless, that it is an OpenPGP message encrypted to one of the program's published keys, so a
 * message nobody can ever decrypt is refused at once.
 */
public final class ArmoredMessage {

    private static final String HEADER = "-----BEGIN PGP MESSAGE-----";

    private ArmoredMessage() {}

    /** Whether the text is (meant to be) an armored OpenPGP message. */
    public static boolean looksArmored(String text) {
        return text != null && text.strip().startsWith(HEADER);
    }

    /**
     * Why the armored text cannot be accepted for a program whose published key is {@code
     * armoredProgramKey} (null: none published); empty when it can.
     */
    public static Optional<String> refusal(String text, String armoredProgramKey) {
        if (armoredProgramKey == null) {
            return Optional.of("this program publishes no OpenPGP key to encrypt to");
        }
        List<Long> recipients;
        try {
            recipients =
                    MessageInspector.determineEncryptionInfoForMessage(text.strip()).getKeyIds();
        } catch (IOException | PGPException | RuntimeException e) {
            return Optional.of("not a valid OpenPGP message");
        }
        if (recipients.isEmpty()) {
            return Optional.of("not encrypted to a public key");
        }
        Set<Long> programKeys;
        try {
            programKeys = keyIds(armoredProgramKey);
        } catch (IOException | RuntimeException e) {
            return Optional.of("this program's published key cannot be read");
        }
        return recipients.stream().anyMatch(programKeys::contains)
                ? Optional.empty()
                : Optional.of("encrypted to a key that is not this program's");
    }

    /** The ids of every key, primary and sub-, of the armored certificates. */
    private static Set<Long> keyIds(String armoredKey) throws IOException {
        Set<Long> ids = new HashSet<>();
        for (PGPPublicKeyRing certificate :
                PGPainless.readKeyRing().publicKeyRingCollection(armoredKey.strip())) {
            for (PGPPublicKey key : certificate) {
                ids.add(key.getKeyID());
            }
        }
        return ids;
    }
}
