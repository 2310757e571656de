package dev.embargo.intake.domain;

/**
 * A rate: {@code capacity} requests at once, refilled at {@code perSecond}. Not thread-safe on its
 * own; {@link #tryTake(long)} is called under the bucket's lock.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /** Takes one token: 0 when granted, else the nanoseconds until one is back. */
    public synchronized long tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - refilledAt) * perNano);
        refilledAt = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Whether the bucket is full again at {@code nowNanos}: its client can be forgotten. */
    public synchronized boolean fullAt(long nowNanos) {
        return tokens + (nowNanos - refilledAt) * perNano >= capacity;
    }
}
