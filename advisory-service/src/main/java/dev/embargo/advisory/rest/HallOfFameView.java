package dev.embargo.advisory.rest;

import java.time.Instant;
import java.util.List;

/** A name in a program's hall of fame and the advisories it is credited in. */
public record HallOfFameView(String name, List<Credited> advisories) {

    public record Credited(String publicId, String title, String url, Instant publishedAt) {}
}
