package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads the mail the platform sent, from the local stack's mail server. */
public final class Mailbox {

    private final String mailApiUrl;
    private final int imapPort;

    public Mailbox(String mailApiUrl, int imapPort) {
        this.mailApiUrl = mailApiUrl;
        this.imapPort = imapPort;
    }

    /** Subjects of the messages in an address's inbox, via the mail server's HTTP API; empty for an unknown address. */
    public List<String> subjects(String address) {
        var response = given().baseUri(mailApiUrl).when().get("/api/user/{address}/messages/INBOX/", address);
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return List.of();
        }
        response.then().statusCode(200);
        List<String> subjects = response.jsonPath().getList("subject", String.class);
        return subjects == null ? List.of() : subjects;
    }

    /** The messages in an address's inbox as an IMAP client reads them (any password: the server doesn't check). */
    public List<ReceivedMail> readOverImap(String address) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(imapPort));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(address, "any-password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<ReceivedMail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(new ReceivedMail(message.getSubject(), textOf(message), String.valueOf(message.getFrom()[0]),
                        message.getReplyTo() == null ? null : String.valueOf(message.getReplyTo()[0])));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }

    private static String textOf(Message message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(multipart.getBodyPart(i).getContent()).append('\n');
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    /** One message as read over IMAP. */
    public record ReceivedMail(String subject, String text, String from, String replyTo) {
    }
}
