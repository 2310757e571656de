package dev.embargo.advisory.format;

import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import dev.embargo.advisory.domain.AdvisoryContent.ProductStatus;
import dev.embargo.advisory.domain.PartnerStatement;
import dev.embargo.advisory.domain.PublishedAdvisory;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One statement of a published advisory's VEX documents (CSAF and CycloneDX): the team's about a
 * version of one of the advisory's products (the program is its vendor), or a partner's about one
 * of its own products (the partner is the vendor).
 *
 * @param version the version stated about; null for a partner's statement about its whole product
 * @param status CSAF's product status, e.g. {@code known_not_affected}
 * @param justification CSAF's flag label for a product not affected; null otherwise
 * @param impact the impact statement; null when none was given
 * @param purl the version's package URL; null when the product is no known package
 * @param byPartner whether a partner made the statement
 */
public record VexStatement(
        String vendor,
        String product,
        String version,
        String status,
        String justification,
        String impact,
        String purl,
        boolean byPartner) {

    public static final String AFFECTED = "known_affected";

    /** The team's statements first, in the order the team gave them, then the partners'. */
    public static List<VexStatement> of(PublishedAdvisory advisory) {
        List<AffectedProduct> affected = advisory.content().affected();
        Stream<VexStatement> team =
                advisory.content().productStatuses().stream()
                        .map(
                                statement ->
                                        new VexStatement(
                                                advisory.programName(),
                                                statement.product(),
                                                statement.version(),
                                                statement.status(),
                                                statement.justification(),
                                                statement.impact(),
                                                purl(affected, statement),
                                                false));
        Stream<VexStatement> partners =
                advisory.partnerStatements().stream().map(VexStatement::ofPartner);
        return Stream.concat(team, partners).toList();
    }

    private static VexStatement ofPartner(PartnerStatement statement) {
        return new VexStatement(
                statement.partner(),
                statement.product(),
                statement.fixedVersion(),
                statement.status(),
                statement.justification(),
                null,
                null,
                true);
    }

    /** The product's name with the version stated about. */
    public String fullName() {
        return version == null ? product : product + " " + version;
    }

    public boolean notAffected() {
        return ProductStatus.NOT_AFFECTED.equals(status);
    }

    public boolean affected() {
        return AFFECTED.equals(status);
    }

    /** The version's purl, when the product is an affected product identified by one. */
    private static String purl(List<AffectedProduct> affected, ProductStatus statement) {
        return affected.stream()
                .filter(product -> product.product().equals(statement.product()))
                .map(AffectedProduct::purl)
                .filter(Objects::nonNull)
                .findFirst()
                .map(purl -> PackageCoordinates.parse(purl).withVersion(statement.version()))
                .orElse(null);
    }
}
