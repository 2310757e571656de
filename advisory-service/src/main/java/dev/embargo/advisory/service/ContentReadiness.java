package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import dev.embargo.advisory.domain.AdvisoryContent.Credit;
import dev.embargo.advisory.format.CveRecordRules;
import dev.embargo.kit.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether content may go public: what every format needs (CSAF requires a summary note, a product
 * tree and a remediation, and a remediation per product names affected products; OSV and CVE
 * records an affected range), and with a CVE id what the CNA rules ask of the record (see {@link
 * CveRecordRules}). Drafts may be incomplete; scheduling, early breaks and publication may not.
 */
final class ContentReadiness {

    private ContentReadiness() {}

    static List<FieldError> missing(AdvisoryContent content) {
        List<FieldError> missing = new ArrayList<>();
        require(missing, "title", content.title());
        require(missing, "summary", content.summary());
        require(missing, "description", content.description());
        require(missing, "remediation", content.remediation());
        if (content.affected().isEmpty()) {
            missing.add(new FieldError("affected", "at least one affected product is required"));
        }
        if ((content.cvssVector() == null) != (content.cvssScore() == null)) {
            missing.add(new FieldError("cvssScore", "a CVSS vector and its score go together"));
        }
        if ((content.cvssV4Vector() == null) != (content.cvssV4Score() == null)) {
            missing.add(new FieldError("cvssV4Score", "a CVSS vector and its score go together"));
        }
        List<String> products = content.affected().stream().map(AffectedProduct::product).toList();
        content.remediations().stream()
                .flatMap(remediation -> remediation.products().stream())
                .filter(product -> !products.contains(product))
                .distinct()
                .forEach(
                        unknown ->
                                missing.add(
                                        new FieldError(
                                                "remediations",
                                                "names "
                                                        + unknown
                                                        + ", which is no affected product")));
        for (int i = 0; i < content.vulnerabilities().size(); i++) {
            if (content.vulnerabilities().get(i).affected().isEmpty()) {
                missing.add(
                        new FieldError(
                                "vulnerabilities[" + i + "].affected",
                                "each vulnerability needs an affected product"));
            }
        }
        if (content.cveId() != null) {
            missing.addAll(cveRecordRules(content));
        }
        return missing;
    }

    /**
     * The record's rules that content decides (the advisory page is always the record's public
     * reference).
     */
    private static List<FieldError> cveRecordRules(AdvisoryContent content) {
        List<FieldError> broken = new ArrayList<>();
        if (content.cweId() == null) {
            broken.add(CveRecordRules.NO_PROBLEM_TYPE);
        }
        List<String> credited = content.credits().stream().map(Credit::name).toList();
        if (CveRecordRules.mentionsCredit(content.summary(), credited)
                || CveRecordRules.mentionsCredit(content.description(), credited)) {
            broken.add(CveRecordRules.CREDIT_IN_DESCRIPTION);
        }
        return broken;
    }

    private static void require(List<FieldError> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(new FieldError(field, "required before the advisory can be published"));
        }
    }
}
