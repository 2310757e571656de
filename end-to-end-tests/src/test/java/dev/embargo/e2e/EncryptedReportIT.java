package dev.embargo.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Programs;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyConverter;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A program publishes an OpenPGP key; a report encrypted to it is accepted as it is, one that no
 * key of the program can open is refused, and so is armor that is not OpenPGP at all.
 */
@ExtendWith(EmbargoStack.class)
class EncryptedReportIT {

    private static final String PROGRAM = "pgp-lab";
    private static RunningStack stack;
    private static PGPPublicKey programKey;

    @BeforeAll
    static void aProgramThatPublishesItsKey(RunningStack runningStack) throws Exception {
        stack = runningStack;
        programKey = newKey();
        Programs.publishCopyOfPea2pea(stack, PROGRAM, "PGP lab",
                HexFormat.of().formatHex(programKey.getFingerprint()).toUpperCase(Locale.ROOT), armored(programKey));
    }

    @Test
    void aReportEncryptedToTheProgramsKeyIsAcceptedAsItIsAndReachesTheTeam() throws Exception {
        String encrypted = encrypt("Heap overflow in the frame decoder; PoC attached below.", programKey);
        SubmittedReport report = stack.reporter().submit(PROGRAM, "Encrypted report", encrypted,
                "pgp-" + UUID.randomUUID() + "@example.org", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> stack.reporter()
                .status(report.trackingId(), report.reporterToken()).then().statusCode(200)
                .body("status", equalTo("acknowledged")));
        // The reporter may write encrypted too.
        stack.reporter().write(report.trackingId(), report.reporterToken(), encrypt("More details.", programKey))
                .then().statusCode(201);
    }

    private static void refused(io.restassured.response.Response response, String why) {
        response.then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("description")).body("errors[0].message", equalTo(why));
    }

    private static Map<String, Object> report(String program, String description) {
        return Map.of("program", program, "title", "Encrypted", "description", description);
    }

    private static PGPPublicKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return new JcaPGPKeyConverter().getPGPPublicKey(PGPPublicKey.RSA_GENERAL, generator.generateKeyPair().getPublic(),
                new Date());
    }

    /** What a researcher's OpenPGP tool makes of the text: ASCII armor, AES-256, to the recipient's key. */
    private static String encrypt(String text, PGPPublicKey recipient) throws IOException, PGPException {
        PGPEncryptedDataGenerator encryptor = new PGPEncryptedDataGenerator(new JcePGPDataEncryptorBuilder(
                SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true).setSecureRandom(new SecureRandom()));
        encryptor.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(recipient));
        ByteArrayOutputStream armored = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(armored);
             OutputStream encrypted = encryptor.open(armor, new byte[4096]);
             OutputStream literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.UTF8, "report.txt",
                     new Date(), new byte[4096])) {
            literal.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return armored.toString(StandardCharsets.US_ASCII);
    }

    private static String armored(PGPPublicKey key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(out)) {
            key.encode(armor);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
