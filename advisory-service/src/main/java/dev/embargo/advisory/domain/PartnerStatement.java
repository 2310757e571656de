package dev.embargo.advisory.domain;

import dev.embargo.advisory.domain.AdvisoryContent.ProductStatus;
import dev.embargo.contracts.partner.PartnerStatementMade;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a partner told, answering a pre-advisory, about one of its own products, in CSAF VEX's
 * terms. Publication puts it in the advisory's VEX documents with the partner as the product's
 * vendor, unless the team states something about a product of that name ({@link #besideTeam}).
 *
 * @param partner the partner's registered name, the product's vendor
 * @param product the partner's product
 * @param status {@code known_affected}, {@code known_not_affected}, {@code fixed} or {@code
 *     under_investigation}
 * @param justification why the product is not affected, a CSAF flag label; null for the other
 *     statuses
 * @param fixedVersion the version that fixes the product; null unless the status is {@code fixed}
 */
public record PartnerStatement(
        String partner,
        String product,
        String status,
        String justification,
        String fixedVersion,
        Instant statedAt) {

    /** notify's statuses (the partner's words) and the CSAF product status each is. */
    private static final Map<String, String> CSAF_STATUS =
            Map.of(
                    "affected", "known_affected",
                    "not_affected", ProductStatus.NOT_AFFECTED,
                    "fixed", "fixed",
                    "under_investigation", "under_investigation");

    private static final Set<String> JUSTIFICATIONS =
            Set.of(
                    "component_not_present",
                    "vulnerable_code_not_present",
                    "vulnerable_code_cannot_be_controlled_by_adversary",
                    "vulnerable_code_not_in_execute_path",
                    "inline_mitigations_already_exist");

    /**
     * The statement an event carries; a status or justification outside CSAF's is refused (the
     * event then goes to the dead-letter topic), since it could not be published.
     */
    public static PartnerStatement of(PartnerStatementMade made) {
        String status = CSAF_STATUS.get(made.status());
        if (status == null) {
            throw new IllegalArgumentException("Unknown partner status " + made.status());
        }
        boolean notAffected = ProductStatus.NOT_AFFECTED.equals(status);
        if (notAffected != (made.justification() != null)
                || (notAffected && !JUSTIFICATIONS.contains(made.justification()))) {
            throw new IllegalArgumentException(
                    "A not-affected statement, and only one, takes a CSAF justification");
        }
        if ("fixed".equals(status) != (made.fixedVersion() != null)) {
            throw new IllegalArgumentException(
                    "A fixed statement, and only one, names its version");
        }
        return new PartnerStatement(
                made.partnerName(),
                made.product(),
                status,
                made.justification(),
                made.fixedVersion(),
                made.statedAt());
    }

    /**
     * The partners' statements that stand next to the team's: a partner speaks for its own
     * products, the team for the advisory's. When the team states the status of a product of the
     * same name (letter case and surrounding spaces aside), the team's statement wins and the
     * partner's is left out, so that no VEX document says two things of one product.
     */
    public static List<PartnerStatement> besideTeam(
            List<PartnerStatement> partners, List<ProductStatus> team) {
        Set<String> stated =
                team.stream().map(status -> key(status.product())).collect(Collectors.toSet());
        return partners.stream()
                .filter(statement -> !stated.contains(key(statement.product())))
                .toList();
    }

    private static String key(String product) {
        return product.strip().toLowerCase(Locale.ROOT);
    }
}
