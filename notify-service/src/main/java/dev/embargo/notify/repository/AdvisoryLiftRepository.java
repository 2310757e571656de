package dev.embargo.notify.repository;

import dev.embargo.notify.domain.AdvisoryLift;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AdvisoryLiftRepository implements PanacheRepositoryBase<AdvisoryLift, String> {}
