package dev.embargo.notify.rest;

import java.time.Instant;
import java.util.List;

/** A registered partner. */
public record PartnerView(
        String id,
        String name,
        String contactEmail,
        List<String> groups,
        List<String> programs,
        Instant createdAt) {}
