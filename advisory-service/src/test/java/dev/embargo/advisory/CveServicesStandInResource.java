package dev.embargo.advisory;

import dev.embargo.localstack.CveServicesStandIn;
import dev.embargo.localstack.CveServicesStandIn.Account;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * CVE Services for advisory's tests: the local stand-in that checks each request against CVE
 * Services' published OpenAPI document. The moqtail program is a CNA with an account there; emek
 * has none. Submissions are really sent (no dry run), every 200 ms.
 */
public final class CveServicesStandInResource implements QuarkusTestResourceLifecycleManager {

    public static final Account MOQTAIL_ACCOUNT = CveServicesStandIn.LOCAL_ACCOUNT;

    private static CveServicesStandIn standIn;

    /** The stand-in the running application sends to. */
    public static CveServicesStandIn standIn() {
        return standIn;
    }

    @Override
    public Map<String, String> start() {
        standIn = CveServicesStandIn.start(MOQTAIL_ACCOUNT, 0);
        String account = "embargo.advisory.cve-services.programs." + AdvisoryFixtures.MOQTAIL;
        return Map.of(
                "embargo.advisory.cve-services.url",
                standIn.baseUri().toString(),
                "embargo.advisory.cve-services.dry-run",
                "false",
                "embargo.advisory.cve-services.scan-interval",
                "200ms",
                account + ".organisation",
                MOQTAIL_ACCOUNT.organisation(),
                account + ".user",
                MOQTAIL_ACCOUNT.user(),
                account + ".api-key",
                MOQTAIL_ACCOUNT.apiKey());
    }

    @Override
    public void stop() {
        standIn.close();
    }
}
