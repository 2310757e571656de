package dev.embargo.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * GreenMail: SMTP for the services, IMAP and an HTTP API for people and tests. Authentication
 * is off, so any user name reads the mailbox of that address. Mail is kept in memory only.
 */
final class MailServer extends ProcessComponent {

    private final Tools tools;

    MailServer(StackSettings settings, Tools tools) {
        super("mail", settings);
        this.tools = tools;
    }

    @Override
    public String endpoint() {
        return "smtp 127.0.0.1:" + settings.smtpPort() + ", imap 127.0.0.1:" + settings.imapPort()
                + ", http://127.0.0.1:" + settings.mailApiPort();
    }

    @Override
    public void start() {
        process.start(List.of(Commands.java(), "-Xmx128m", "-XX:+UseSerialGC",
                        "-Dgreenmail.hostname=127.0.0.1",
                        "-Dgreenmail.smtp.port=" + settings.smtpPort(),
                        "-Dgreenmail.imap.port=" + settings.imapPort(),
                        "-Dgreenmail.api.port=" + settings.mailApiPort(),
                        "-Dgreenmail.auth.disabled",
                        "-jar", tools.greenMailJar().toString()),
                Map.of(), settings.dataDir().resolve("mail"));
    }

    @Override
    public void awaitReady() {
        Readiness.await(process, Duration.ofSeconds(30), () -> Readiness.portOpen(settings.smtpPort())
                && Readiness.portOpen(settings.imapPort()) && Readiness.portOpen(settings.mailApiPort()));
    }

}
