package dev.embargo.triage.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.policy.model.CvssScore;
import dev.embargo.triage.rest.CvssScoreView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvssMapperTest {

    private final CvssMapper mapper = new CvssMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 3.1, 9.8, critical",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H, 3.0, 6.5, medium",
        "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N, 3.1, 0.0, none",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 4.0, 9.3, critical",
        "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N, 4.0, 6.8, medium"
    })
    void answersTheVersionTheBaseScoreAndItsRating(
            String vector, String version, double baseScore, String severity) {
        CvssScoreView view = mapper.toView(CvssScore.parse(vector));

        assertThat(view.version()).isEqualTo(version);
        assertThat(view.vector()).isEqualTo(vector);
        assertThat(view.baseScore()).isEqualTo(baseScore);
        assertThat(view.severity()).isEqualTo(severity);
    }
}
