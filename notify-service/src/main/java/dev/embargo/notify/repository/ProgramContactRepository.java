package dev.embargo.notify.repository;

import dev.embargo.notify.domain.ProgramContact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProgramContactRepository implements PanacheRepositoryBase<ProgramContact, String> {}
