package dev.embargo.intake.messaging;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.service.InboundMail;
import dev.embargo.intake.service.IncomingFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * One program's intake mailbox on the IMAP server: reads what waits there, and afterwards removes
 * what was taken in or moves what was refused aside. Blocking (Jakarta Mail): call it from a worker
 * thread.
 */
@ApplicationScoped
public class IntakeMailbox {

    /** Where mail that can never become a report waits for a human, instead of vanishing. */
    public static final String REFUSED_FOLDER = "Embargo-Refused";

    private static final int MAX_PER_PASS = 50;

    private final IntakeConfig.Mail config;
    private final Session session;

    IntakeMailbox(IntakeConfig config) {
        this.config = config.mail();
        Properties properties = new Properties();
        String protocol = protocol();
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", "5000");
        properties.put("mail." + protocol + ".timeout", "10000");
        this.session = Session.getInstance(properties);
    }

    /** The program's intake address. */
    public String addressOf(String programSlug) {
        return programSlug + "@" + config.domain();
    }

    /** Up to 50 waiting emails, oldest first, each with its IMAP UID. */
    public List<Fetched> fetch(String address) throws MessagingException, IOException {
        try (Store store = connect(address);
                Folder inbox = store.getFolder("INBOX")) {
            inbox.open(Folder.READ_ONLY);
            UIDFolder uids = (UIDFolder) inbox;
            List<Fetched> fetched = new ArrayList<>();
            Message[] messages = inbox.getMessages();
            for (int i = 0; i < messages.length && fetched.size() < MAX_PER_PASS; i++) {
                fetched.add(new Fetched(uids.getUID(messages[i]), read(messages[i])));
            }
            return fetched;
        }
    }

    /** Removes the emails taken in and moves those refused to {@value #REFUSED_FOLDER}. */
    public void settle(String address, List<Long> taken, List<Long> refused)
            throws MessagingException {
        if (taken.isEmpty() && refused.isEmpty()) {
            return;
        }
        try (Store store = connect(address);
                Folder inbox = store.getFolder("INBOX")) {
            inbox.open(Folder.READ_WRITE);
            UIDFolder uids = (UIDFolder) inbox;
            if (!refused.isEmpty()) {
                Folder aside = store.getFolder(REFUSED_FOLDER);
                if (!aside.exists()) {
                    aside.create(Folder.HOLDS_MESSAGES);
                }
                inbox.copyMessages(messages(uids, refused), aside);
            }
            List<Long> gone = new ArrayList<>(taken);
            gone.addAll(refused);
            inbox.setFlags(messages(uids, gone), new Flags(Flags.Flag.DELETED), true);
            inbox.expunge();
        }
    }

    private static Message[] messages(UIDFolder uids, List<Long> wanted) throws MessagingException {
        List<Message> found = new ArrayList<>();
        for (long uid : wanted) {
            Message message = uids.getMessageByUID(uid);
            if (message != null) {
                found.add(message);
            }
        }
        return found.toArray(Message[]::new);
    }

    private Store connect(String address) throws MessagingException {
        Store store = session.getStore(protocol());
        store.connect(
                config.imapHost(), config.imapPort(), address, config.imapPassword().orElse(""));
        return store;
    }

    private String protocol() {
        return config.imapTls() ? "imaps" : "imap";
    }

    static InboundMail read(Message message) throws MessagingException, IOException {
        Body body = new Body();
        collect(message, body);
        String[] ids = message.getHeader("Message-ID");
        String[] autoSubmitted = message.getHeader("Auto-Submitted");
        Address[] from = message.getFrom();
        return new InboundMail(
                ids != null && ids.length > 0 && !ids[0].isBlank()
                        ? ids[0].strip()
                        : digestOf(message),
                from != null && from.length > 0 && from[0] instanceof InternetAddress address
                        ? address.getAddress()
                        : null,
                message.getSubject(),
                autoSubmitted != null
                        && autoSubmitted.length > 0
                        && !autoSubmitted[0].strip().equalsIgnoreCase("no"),
                body.text(),
                body.files);
    }

    /**
     * Walks the MIME tree: the first plain-text part is the text (HTML only when there is none),
     * files are files.
     */
    private static void collect(Part part, Body body) throws MessagingException, IOException {
        if (part.isMimeType("multipart/encrypted")) {
            // PGP/MIME (RFC 3156): the second part is the armored message; keep it as the text,
            // armor and all.
            Multipart encrypted = (Multipart) part.getContent();
            if (encrypted.getCount() >= 2) {
                body.plain = text(encrypted.getBodyPart(1));
            }
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), body);
            }
            return;
        }
        String fileName = part.getFileName();
        boolean attached =
                Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attached && part.isMimeType("text/plain") && body.plain == null) {
            body.plain = text(part);
        } else if (!attached && part.isMimeType("text/html") && body.html == null) {
            body.html = text(part);
        } else if (attached) {
            body.files.add(
                    new IncomingFile(
                            fileName == null ? "attachment" : MimeUtility.decodeText(fileName),
                            bytes(part)));
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        return content instanceof String text
                ? text
                : new String(bytes(part), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String digestOf(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        try {
            return "<sha256:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(raw.toByteArray()))
                    + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** One email with its UID in the mailbox. */
    public record Fetched(long uid, InboundMail mail) {}

    private static final class Body {
        private String plain;
        private String html;
        private final List<IncomingFile> files = new ArrayList<>();

        String text() {
            if (plain != null) {
                return plain;
            }
            if (html != null) {
                // Enough to read it as text; the HTML itself is never rendered anywhere.
                return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                        .replaceAll("(?i)<br\\s*/?>|</p>", "\n")
                        .replaceAll("<[^>]+>", "")
                        .replace("&nbsp;", " ")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&")
                        .strip();
            }
            return "";
        }
    }
}
