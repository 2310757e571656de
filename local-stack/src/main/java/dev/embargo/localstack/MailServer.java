package dev.embargo.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * GreenMail: SMTP for the services, IMAP and an HTTP API for people and tests. Authentication
 * is off, so any user name reads the mailbox of that address. Mail is kept in memory only.
 */
final class MailServer implements Component {

    private final StackSettings settings;
    private final Tools tools;
    private final ManagedProcess process;

    MailServer(StackSettings settings, Tools tools) {
        this.settings = settings;
        this.tools = tools;
        this.process = new ManagedProcess("mail", settings);
    }

    @Override
    public String name() {
        return "mail";
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

    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public boolean isRunning() {
        return process.isRunning();
    }
}
