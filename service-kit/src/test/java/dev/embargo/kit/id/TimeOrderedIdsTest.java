package dev.embargo.kit.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidOfTheRfcVariantCarryingItsMillisecond() {
        long millis = 1_764_806_400_123L;
        UUID id = TimeOrderedIds.at(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgreSqlComparesThem() {
        UUID earlier = TimeOrderedIds.at(1_764_806_400_123L);
        UUID later = TimeOrderedIds.at(1_764_806_400_124L);

        // PostgreSQL orders uuid values by their bytes, which is the order of their text form.
        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(1_764_806_400_123L));
        }

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aNewIdCarriesTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }
}
