package dev.embargo.advisory.repository;

import dev.embargo.advisory.domain.PartnerStatementSet;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PartnerStatementSetRepository
        implements PanacheRepositoryBase<PartnerStatementSet, UUID> {}
