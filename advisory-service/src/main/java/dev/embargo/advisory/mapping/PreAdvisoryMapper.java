package dev.embargo.advisory.mapping;

import dev.embargo.advisory.domain.PreAdvisory;
import dev.embargo.advisory.rest.PreAdvisoryView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/** Between the wire and the domain: a pre-advisory as staff see it, without its content. */
@ApplicationScoped
public class PreAdvisoryMapper {

    public PreAdvisoryView toView(PreAdvisory released) {
        return new PreAdvisoryView(
                released.id.toString(),
                released.programSlug,
                Arrays.asList(released.partnerGroups.split(",")),
                released.embargoUntil.toInstant(),
                released.releasedBy,
                released.releasedAt.toInstant());
    }
}
