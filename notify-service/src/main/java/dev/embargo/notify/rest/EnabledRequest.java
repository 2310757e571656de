package dev.embargo.notify.rest;

import jakarta.validation.constraints.NotNull;

/** Whether an endpoint receives webhooks. */
public record EnabledRequest(@NotNull Boolean enabled) {}
