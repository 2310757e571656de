package dev.embargo.notify.repository;

import dev.embargo.notify.domain.Partner;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {}
