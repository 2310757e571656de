package dev.embargo.advisory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.domain.PartnerStatement;
import dev.embargo.advisory.domain.PartnerStatementSet;
import dev.embargo.advisory.repository.PartnerStatementSetRepository;
import dev.embargo.contracts.partner.PartnerStatementMade;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Partners' statements about their own products, as notify announces them ({@code
 * partner.statement.made}): kept sealed per pre-advisory and partner, the latest per product, and
 * read per advisory for its VEX documents and for staff.
 */
@ApplicationScoped
public class PartnerStatements {

    private static final TypeReference<List<PartnerStatement>> LIST = new TypeReference<>() {};

    private final PartnerStatementSetRepository sets;
    private final PreAdvisories preAdvisories;
    private final FieldCipher cipher;
    private final ObjectMapper json;

    PartnerStatements(
            PartnerStatementSetRepository sets,
            PreAdvisories preAdvisories,
            FieldCipher cipher,
            ObjectMapper json) {
        this.sets = sets;
        this.preAdvisories = preAdvisories;
        this.cipher = cipher;
        this.json = json;
    }

    /**
     * Keeps a partner's statement about a product, replacing its earlier one; a readiness report
     * (no product) says nothing of products and changes nothing. Runs in the inbox's transaction.
     */
    public Uni<Void> made(PartnerStatementMade made) {
        if (made.product() == null) {
            return Uni.createFrom().voidItem();
        }
        PartnerStatement statement = PartnerStatement.of(made);
        UUID preAdvisoryId = UUID.fromString(made.advisoryId());
        return sets.find("preAdvisoryId = ?1 and partnerId = ?2", preAdvisoryId, made.partnerId())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(
                        known -> {
                            PartnerStatementSet set =
                                    known != null ? known : new PartnerStatementSet();
                            List<PartnerStatement> statements = new ArrayList<>();
                            if (known == null) {
                                set.id = TimeOrderedIds.next();
                                set.preAdvisoryId = preAdvisoryId;
                                set.partnerId = made.partnerId();
                            } else {
                                statements.addAll(open(known));
                            }
                            statements.removeIf(
                                    earlier -> earlier.product().equals(statement.product()));
                            statements.add(statement);
                            set.sealedStatements = cipher.seal(write(statements));
                            set.updatedAt = made.statedAt().atOffset(ZoneOffset.UTC);
                            return known != null
                                    ? Uni.createFrom().voidItem()
                                    : sets.persist(set).replaceWithVoid();
                        });
    }

    /**
     * What partners told about their products in answer to the advisory's pre-advisories, the
     * latest per partner and product, ordered by partner and product. Runs in the caller's session.
     */
    public Uni<List<PartnerStatement>> of(UUID advisoryId) {
        return preAdvisories
                .of(advisoryId)
                .chain(
                        told ->
                                told.isEmpty()
                                        ? Uni.createFrom().item(List.<PartnerStatementSet>of())
                                        : sets.list(
                                                "preAdvisoryId in ?1",
                                                told.stream()
                                                        .map(preAdvisory -> preAdvisory.id)
                                                        .toList()))
                .map(this::latest);
    }

    /** One statement per partner and product: a partner told twice answered twice. */
    private List<PartnerStatement> latest(List<PartnerStatementSet> found) {
        Map<List<String>, PartnerStatement> byProduct = new LinkedHashMap<>();
        found.stream()
                .flatMap(set -> open(set).stream())
                .sorted(Comparator.comparing(PartnerStatement::statedAt))
                .forEach(
                        statement ->
                                byProduct.put(
                                        List.of(statement.partner(), statement.product()),
                                        statement));
        return byProduct.values().stream()
                .sorted(
                        Comparator.comparing(PartnerStatement::partner)
                                .thenComparing(PartnerStatement::product))
                .toList();
    }

    private List<PartnerStatement> open(PartnerStatementSet set) {
        try {
            return json.readValue(cipher.open(set.sealedStatements), LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sealed partner statements do not read back", e);
        }
    }

    private String write(List<PartnerStatement> statements) {
        try {
            return json.writeValueAsString(statements);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Statements always serialize", e);
        }
    }
}
