package dev.embargo.advisory.domain;

import java.util.List;

/** One name in a program's hall of fame and the published advisories it is credited in. */
public record HallOfFameEntry(String name, List<PublishedAdvisory> advisories) {}
