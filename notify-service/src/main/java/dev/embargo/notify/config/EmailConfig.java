package dev.embargo.notify.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** How notify works through the emails it owes, under {@code embargo.notify.email}. */
@ConfigMapping(prefix = "embargo.notify.email")
public interface EmailConfig {

    /**
     * How often the dispatcher looks for due emails: retries, and any email a missed commit
     * notification left waiting (new ones are sent as soon as they are committed).
     */
    Duration pollInterval();

    /** Emails sent per pass at most. */
    int batchSize();

    /** Attempts before an email is given up as failed (visible in the delivery log). */
    int maxAttempts();

    /**
     * The domain of the programs' intake addresses ({@code <slug>@<domain>}, read by intake's email
     * channel). When set, reporters' replies go there and join the report's conversation; when not,
     * they go to the program's contacts.
     */
    Optional<String> replyToIntakeDomain();
}
