package dev.embargo.advisory.format;

/** The CSAF {@code document.publisher}: who issues the advisories of this deployment. */
public record CsafPublisher(String name, String namespace, String category, String contact) {}
