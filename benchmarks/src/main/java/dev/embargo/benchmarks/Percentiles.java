package dev.embargo.benchmarks;

import java.util.List;

/**
 * Percentiles of sorted samples by nearest rank: the smallest sample with at least p % of them at
 * or below it.
 */
final class Percentiles {

    private Percentiles() {}

    /** The p-th percentile of {@code sorted} (ascending, not empty). */
    static long nearestRank(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
    }
}
