package dev.embargo.notify.repository;

import dev.embargo.notify.domain.EventSubscription;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class EventSubscriptionRepository
        implements PanacheRepositoryBase<EventSubscription, UUID> {}
