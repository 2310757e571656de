package dev.embargo.kit.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Row ids that sort by creation time: UUID version 7 (RFC 9562), 48 bits of Unix milliseconds, then
 * 74 random bits.
 *
 * <p>Random (version 4) ids put every insert on a random page of the primary key's index. Once the
 * index outgrows PostgreSQL's buffers, each insert reads a cold page and evicts another (intake's
 * report and outbox keys missed the cache about ten times as often as its sequential keys), and
 * after each checkpoint the first change to every such page writes all of it to the WAL.
 * Time-ordered ids go to the index's right edge, which stays in memory. The creation time they
 * reveal is no secret: every row that gets one also stores the time itself.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {}

    /** A new id, created now. */
    public static UUID next() {
        return at(Clock.systemUTC().millis());
    }

    /**
     * A new id for {@code epochMillis}: the time in the high bits, fresh randomness in the rest.
     */
    static UUID at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4 | (random[1] & 0xF0L) >> 4) & 0xFFF;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (random[i] & 0xFFL);
        }
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | VERSION_7 | randA;
        long low = VARIANT_RFC | (randB & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(high, low);
    }
}
