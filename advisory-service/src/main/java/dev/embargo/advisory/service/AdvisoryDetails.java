package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.Advisory;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.PartnerStatement;
import dev.embargo.advisory.domain.PostMortem;
import java.time.Instant;
import java.util.List;

/**
 * An advisory as staff see it: its row, the current revision's content, its post-mortem and whether
 * the program owes one.
 *
 * @param postMortemRequired whether the program's policy asks a post-mortem of this advisory's
 *     severity
 * @param postMortemDueAt when it is due (after publication); null before publication or when not
 *     required
 * @param partnerStatements what partners told about their products in answer to its pre-advisories
 *     (all of them: publication leaves out those about products the team states the status of)
 */
public record AdvisoryDetails(
        Advisory advisory,
        AdvisoryContent content,
        PostMortem postMortem,
        boolean postMortemRequired,
        Instant postMortemDueAt,
        List<PartnerStatement> partnerStatements) {}
