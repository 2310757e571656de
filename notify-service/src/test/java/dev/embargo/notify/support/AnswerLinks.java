package dev.embargo.notify.support;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static org.awaitility.Awaitility.await;

import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.crypto.FieldCipher;
import io.quarkus.mailer.MockMailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells partners of a pre-advisory as advisory does, and reads each partner's capability link out
 * of the copy its contact was emailed. The calling test stands in a coordinator.
 */
public final class AnswerLinks {

    private static final Pattern LINK =
            Pattern.compile("/partner/v1/preadvisories/([A-Za-z0-9_-]{43})");

    private AnswerLinks() {}

    /** The advisory told, and each partner's id and token, in the order of {@code names}. */
    public record Told(String advisoryId, List<Holder> partners) {}

    public record Holder(String partnerId, String contact, String token) {}

    public static Told tell(
            FieldCipher cipher,
            MockMailbox mailbox,
            String program,
            Instant liftAt,
            String... names) {
        String group = PartnerApi.freshGroup();
        List<String> contacts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            String contact = "contact-" + UUID.randomUUID() + "@partner.example";
            ids.add(PartnerApi.partner(name, List.of(group), List.of(program), contact));
            contacts.add(contact);
        }
        PreAdvisoryReleased released =
                PreAdvisories.released(cipher, program, group, "Told to answer", liftAt);
        events().publish(released);
        List<Holder> holders = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            holders.add(
                    new Holder(
                            ids.get(i), contacts.get(i), tokenMailedTo(mailbox, contacts.get(i))));
        }
        return new Told(released.advisoryId(), holders);
    }

    /** The token in the pre-advisory copy emailed to {@code contact}. */
    public static String tokenMailedTo(MockMailbox mailbox, String contact) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !mailbox.getMailsSentTo(contact).isEmpty());
        Matcher link = LINK.matcher(mailbox.getMailsSentTo(contact).getLast().getText());
        if (!link.find()) {
            throw new AssertionError("The copy to " + contact + " carries no answer link");
        }
        return link.group(1);
    }
}
