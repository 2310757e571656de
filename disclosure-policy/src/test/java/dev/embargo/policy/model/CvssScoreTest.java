package dev.embargo.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Base scores of FIRST's published example vectors (CVSS v3.1 examples document, v4.0 calculator).
 */
class CvssScoreTest {

    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource({
        // v3.1 examples: Heartbleed (CVE-2014-0160), phpMyAdmin reflected XSS (CVE-2013-1937)
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3",
        "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 8.5",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N, 0.0"
    })
    void scoresTheBaseMetrics(String vector, double score) {
        assertThat(CvssScore.parse(vector).baseScore()).isEqualTo(score);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(
            strings = {
                "",
                "AV:N/AC:L/Au:N/C:P/I:P/A:P",
                "CVSS:3.1/AV:X",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q",
                "CVSS:4.0/AV:N"
            })
    void refusesWhatIsNotAVersion3Or4Vector(String vector) {
        assertThatThrownBy(() -> CvssScore.parse(vector))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
