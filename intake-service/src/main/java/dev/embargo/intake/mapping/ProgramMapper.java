package dev.embargo.intake.mapping;

import dev.embargo.intake.rest.ProgramView;
import dev.embargo.intake.rest.TimelineDeadlineView;
import dev.embargo.intake.service.ProgramCatalog.InForce;
import dev.embargo.policy.deadline.Deadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Between the program catalog and the wire. */
@ApplicationScoped
public class ProgramMapper {

    public ProgramView toView(InForce inForce) {
        return new ProgramView(
                inForce.published().slug,
                inForce.published().revision,
                inForce.published().publishedAt.toInstant(),
                inForce.published().document);
    }

    public TimelineDeadlineView toView(Deadline due) {
        return new TimelineDeadlineView(
                due.step().name().toLowerCase(Locale.ROOT),
                due.due(),
                due.promised() == null ? null : due.promised().toString(),
                due.basis(),
                due.firm(),
                due.anchor().wireName(),
                due.atLeast(),
                due.label());
    }
}
