package dev.embargo.notify.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A webhook URL: HTTPS, on a public address (see EndpointAddress). */
public record EndpointRequest(@NotBlank @Size(max = 2000) String url) {}
