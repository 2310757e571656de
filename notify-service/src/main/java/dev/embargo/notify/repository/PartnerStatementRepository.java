package dev.embargo.notify.repository;

import dev.embargo.notify.domain.PartnerStatement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PartnerStatementRepository implements PanacheRepositoryBase<PartnerStatement, UUID> {}
