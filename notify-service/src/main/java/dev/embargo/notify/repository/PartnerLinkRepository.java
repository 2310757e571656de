package dev.embargo.notify.repository;

import dev.embargo.notify.domain.PartnerLink;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PartnerLinkRepository implements PanacheRepositoryBase<PartnerLink, UUID> {}
