package dev.embargo.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GreenMail: SMTP for the services, IMAP and an HTTP API for people and tests. Authentication is
 * off, so any user name reads the mailbox of that address, with any password. Mail is kept in
 * memory only: it is gone when the mail server stops.
 */
final class MailServer extends ProcessComponent {

    private final Tools tools;

    MailServer(StackSettings settings, Tools tools) {
        super("mail", settings);
        this.tools = tools;
    }

    @Override
    public String endpoint() {
        return "smtp 127.0.0.1:"
                + settings.smtpPort()
                + ", imap 127.0.0.1:"
                + settings.imapPort()
                + ", "
                + settings.mailApiUrl();
    }

    @Override
    public List<Integer> ports() {
        return List.of(settings.smtpPort(), settings.imapPort(), settings.mailApiPort());
    }

    @Override
    public void start() {
        List<String> command =
                new ArrayList<>(List.of(Commands.java(), "-Xmx128m", "-XX:+UseSerialGC"));
        command.addAll(options(settings));
        command.addAll(List.of("-jar", tools.greenMailJar().toString()));
        process.start(command, Map.of(), settings.dataDir().resolve("mail"));
    }

    /**
     * GreenMail's settings: SMTP, IMAP and its HTTP API on 127.0.0.1, any user with any password.
     */
    static List<String> options(StackSettings settings) {
        return List.of(
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + settings.smtpPort(),
                "-Dgreenmail.imap.hostname=127.0.0.1",
                "-Dgreenmail.imap.port=" + settings.imapPort(),
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + settings.mailApiPort(),
                "-Dgreenmail.auth.disabled");
    }

    @Override
    public void awaitReady() {
        Readiness.await(
                process,
                Duration.ofSeconds(30),
                () -> ports().stream().allMatch(Readiness::portOpen));
    }
}
