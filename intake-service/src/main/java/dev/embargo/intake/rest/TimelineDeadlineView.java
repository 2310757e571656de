package dev.embargo.intake.rest;

import java.time.Instant;

/**
 * One deadline of a timeline preview: when it is due, the policy's own words for it, and why.
 *
 * @param dueAt null when the policy sets no time, or until the event the step is anchored on
 * @param firm whether the policy commits to it; false for a target it only aims for
 * @param anchor the event the clock runs from, e.g. {@code arrival}, {@code fix-released}
 * @param notBefore the earliest time, when the policy states a minimum
 * @param label tells repeated steps apart, e.g. the partner group of a {@code partner_notice}
 */
public record TimelineDeadlineView(
        String step,
        Instant dueAt,
        String promised,
        String basis,
        boolean firm,
        String anchor,
        Instant notBefore,
        String label) {}
