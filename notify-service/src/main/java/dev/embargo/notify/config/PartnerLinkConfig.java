package dev.embargo.notify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Partners' capability links and the readiness warning, under {@code embargo.notify.partners}. */
@ConfigMapping(prefix = "embargo.notify.partners")
public interface PartnerLinkConfig {

    /** Where partners reach notify's public partner API: the links in their copies start here. */
    String publicUrl();

    /** How long after the lift a link still answers, so that late statements are still taken. */
    @WithDefault("30d")
    Duration linkValidityAfterLift();

    /** How long before the lift coordinators are warned that partners are not ready. */
    @WithDefault("24h")
    Duration warnBeforeLift();

    /** How often notify looks for lifts to warn about. */
    @WithDefault("1m")
    Duration warningPollInterval();
}
