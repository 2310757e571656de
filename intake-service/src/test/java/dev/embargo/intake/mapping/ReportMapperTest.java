package dev.embargo.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.contracts.report.ReportStatus;
import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.rest.ReportReceipt;
import dev.embargo.intake.service.AcceptedReport;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ReportMapperTest {

    @Test
    void theReceiptLinksTheStatusPageWithTheTokenInItsFragmentAndKeepsTheApiStatusUrl() {
        ReportReceipt receipt =
                mapper("https://security.example.org/")
                        .toReceipt(new AcceptedReport(report(), "t0k3n_-A"));

        assertThat(receipt.statusPage())
                .isEqualTo("https://security.example.org/status/EMB-2026-00042#token=t0k3n_-A");
        assertThat(receipt.statusUrl())
                .isEqualTo("https://security.example.org/api/v1/reports/EMB-2026-00042");
        assertThat(receipt.reporterToken()).isEqualTo("t0k3n_-A");
        assertThat(receipt.status()).isEqualTo("submitted");
    }

    @Test
    void theTokenIsOnlyInTheFragmentWhichBrowsersNeverSendToAServer() {
        String page =
                mapper("http://localhost:8081")
                        .toReceipt(new AcceptedReport(report(), "secret"))
                        .statusPage();

        assertThat(page.substring(0, page.indexOf('#')))
                .doesNotContain("secret")
                .isEqualTo("http://localhost:8081/status/EMB-2026-00042");
    }

    private static Report report() {
        Report report = new Report();
        report.trackingId = "EMB-2026-00042";
        report.status = ReportStatus.SUBMITTED;
        return report;
    }

    static IntakeConfig config(String publicUrl) {
        return (IntakeConfig)
                Proxy.newProxyInstance(
                        IntakeConfig.class.getClassLoader(),
                        new Class<?>[] {IntakeConfig.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("publicUrl")) {
                                return publicUrl;
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
    }

    private static ReportMapper mapper(String publicUrl) {
        return new ReportMapper(config(publicUrl), null);
    }
}
