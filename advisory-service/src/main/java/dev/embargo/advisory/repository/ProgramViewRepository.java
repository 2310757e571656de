package dev.embargo.advisory.repository;

import dev.embargo.advisory.domain.ProgramView;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProgramViewRepository implements PanacheRepositoryBase<ProgramView, String> {}
