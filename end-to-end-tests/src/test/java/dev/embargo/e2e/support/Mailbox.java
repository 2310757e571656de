package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads the mail the platform sent, from the local stack's mail server. */
public final class Mailbox {

    private final String mailApiUrl;
    private final int imapPort;
    private final int smtpPort;

    public Mailbox(String mailApiUrl, int imapPort, int smtpPort) {
        this.mailApiUrl = mailApiUrl;
        this.imapPort = imapPort;
        this.smtpPort = smtpPort;
    }

    /**
     * A new email as a researcher's mail client would write it; add headers and files, then {@link
     * #send}.
     */
    public MimeMessage compose(
            String from, String to, String subject, String text, Attachment... files)
            throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        parts.addBodyPart(body);
        for (Attachment file : files) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(
                    new jakarta.activation.DataHandler(
                            new ByteArrayDataSource(file.content(), file.declaredType())));
            part.setFileName(file.name());
            part.setDisposition(Part.ATTACHMENT);
            parts.addBodyPart(part);
        }
        message.setContent(parts);
        message.saveChanges();
        return message;
    }

    /**
     * Hands the email to the local stack's SMTP server, which delivers it to the recipients'
     * mailboxes.
     */
    public void send(MimeMessage message) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        Transport transport = Session.getInstance(properties).getTransport("smtp");
        transport.connect();
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }
    }

    /**
     * Subjects in one folder of an address's mailbox, over IMAP; empty when the folder does not
     * exist.
     */
    public List<String> subjectsIn(String address, String folderName) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(imapPort));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(address, "any-password");
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                subjects.add(message.getSubject());
            }
            folder.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }

    /** A file to attach, with the type its sender claims (which the platform ignores). */
    public record Attachment(String name, String declaredType, byte[] content) {}

    /**
     * Subjects of the messages in an address's inbox, via the mail server's HTTP API; empty for an
     * unknown address.
     */
    public List<String> subjects(String address) {
        return inbox(address, "subject");
    }

    /**
     * The Message-ID of each message in an address's inbox, as {@link #subjects} reads them: copies
     * of one message (sent again after a crash) share one.
     */
    public List<String> messageIds(String address) {
        return inbox(address, "messageId");
    }

    private List<String> inbox(String address, String field) {
        var response =
                given().baseUri(mailApiUrl)
                        .when()
                        .get("/api/user/{address}/messages/INBOX/", address);
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return List.of();
        }
        response.then().statusCode(200);
        List<String> values = response.jsonPath().getList(field, String.class);
        return values == null ? List.of() : values;
    }

    /**
     * The messages in an address's inbox as an IMAP client reads them (any password: the server
     * doesn't check).
     */
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
                mails.add(
                        new ReceivedMail(
                                message.getSubject(),
                                textOf(message),
                                String.valueOf(message.getFrom()[0]),
                                message.getReplyTo() == null
                                        ? null
                                        : String.valueOf(message.getReplyTo()[0])));
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
    public record ReceivedMail(String subject, String text, String from, String replyTo) {}
}
