package dev.embargo.intake.repository;

import dev.embargo.intake.domain.ReceivedMail;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReceivedMailRepository implements PanacheRepositoryBase<ReceivedMail, String> {}
