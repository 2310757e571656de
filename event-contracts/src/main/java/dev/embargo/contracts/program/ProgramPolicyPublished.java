package dev.embargo.contracts.program;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A revision of a program and its disclosure policy came into force. Carries the whole program, so
 * that any service rebuilds its view from the compacted topic alone.
 *
 * @param slug the program's slug, the event subject and record key
 * @param revision 1 for the first revision, then one more per change
 * @param publishedAt when the revision came into force
 * @param document the program as JSON, in the program file format ({@code embargo.dev/program/v1},
 *     see disclosure-policy)
 */
public record ProgramPolicyPublished(
        String slug, int revision, Instant publishedAt, String document) implements EventPayload {

    @Override
    public String subject() {
        return slug;
    }
}
