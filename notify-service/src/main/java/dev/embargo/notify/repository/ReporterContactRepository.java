package dev.embargo.notify.repository;

import dev.embargo.notify.domain.ReporterContact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReporterContactRepository implements PanacheRepositoryBase<ReporterContact, UUID> {}
