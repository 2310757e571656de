package dev.embargo.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.intake.rest.ReportLimitsView.FieldRule;
import dev.embargo.intake.rest.ReporterMessageRequest;
import dev.embargo.intake.rest.SubmitReportRequest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits forms check are read from the requests' own validation, so they cannot drift apart.
 */
class ReportLimitsMapperTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validation() {
        factory =
                Validation.byDefaultProvider()
                        .configure()
                        .messageInterpolator(new ParameterMessageInterpolator())
                        .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void describesEachReportFieldAsItsValidationChecksIt() {
        Map<String, FieldRule> report =
                ReportLimitsMapper.rulesOf(validator, SubmitReportRequest.class);

        assertThat(report.get("title")).isEqualTo(new FieldRule(true, 200, null, null, null));
        assertThat(report.get("description"))
                .isEqualTo(new FieldRule(true, 50_000, null, null, null));
        assertThat(report.get("reporterEmail"))
                .isEqualTo(new FieldRule(false, 254, null, null, "email"));
        assertThat(report.get("creditName").maxLength()).isEqualTo(100);
        assertThat(report.get("affectedVersion").maxLength()).isEqualTo(100);
        assertThat(report.get("cvssVector").patternMessage())
                .isEqualTo("must be a CVSS 3.0, 3.1 or 4.0 vector");
        assertThat(report.keySet()).startsWith("program", "title", "description");
    }

    @Test
    void theCvssPatternAcceptsAndRefusesWhatTheApiDoes() {
        Pattern cvss =
                Pattern.compile(
                        ReportLimitsMapper.rulesOf(validator, SubmitReportRequest.class)
                                .get("cvssVector")
                                .pattern());

        assertThat(cvss.matcher("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").matches()).isTrue();
        assertThat(
                        cvss.matcher(
                                        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
                                .matches())
                .isTrue();
        assertThat(cvss.matcher("CVSS:2.0/AV:N").matches()).isFalse();
        assertThat(cvss.matcher("AV:N/AC:L").matches()).isFalse();
    }

    @Test
    void describesAMessagesText() {
        assertThat(ReportLimitsMapper.rulesOf(validator, ReporterMessageRequest.class))
                .containsExactly(
                        Map.entry(
                                "text",
                                new FieldRule(
                                        true, ReporterMessageRequest.MAX_TEXT, null, null, null)));
    }
}
