package dev.embargo.advisory.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CveServicesAccountsTest {

    private static AdvisoryConfig.CveServices configured(Map<String, String> environment) {
        SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        .withSources(new EnvConfigSource(environment, 300))
                        // Quarkus' own converter, for "5s" as the application reads it.
                        .withConverter(Duration.class, 100, new DurationConverter())
                        .withMapping(AdvisoryConfig.class)
                        .build();
        return config.getConfigMapping(AdvisoryConfig.class).cveServices();
    }

    @Test
    void eachProgramsAccountComesFromTheEnvironment() {
        AdvisoryConfig.CveServices cveServices =
                configured(
                        Map.of(
                                "EMBARGO_ADVISORY_CVE_SERVICES_PROGRAMS_MOQTAIL_ORGANISATION",
                                "moqtail-cna",
                                "EMBARGO_ADVISORY_CVE_SERVICES_PROGRAMS_MOQTAIL_USER",
                                "cna@moqtail.example",
                                "EMBARGO_ADVISORY_CVE_SERVICES_PROGRAMS_MOQTAIL_API_KEY",
                                "from-the-environment"));

        assertThat(cveServices.programs()).containsOnlyKeys("moqtail");
        assertThat(cveServices.programs().get("moqtail").apiKey())
                .isEqualTo("from-the-environment");
        assertThat(cveServices.programs().get("moqtail").organisation()).isEqualTo("moqtail-cna");
    }

    @Test
    void withoutConfigurationNothingIsSentToTheProductionApi() {
        AdvisoryConfig.CveServices cveServices = configured(Map.of());

        assertThat(cveServices.dryRun()).isTrue();
        assertThat(cveServices.programs()).isEmpty();
        assertThat(cveServices.url()).hasToString("https://cveawg.mitre.org/api");
    }
}
