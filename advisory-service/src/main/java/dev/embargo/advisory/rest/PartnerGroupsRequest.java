package dev.embargo.advisory.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Which of the program's partner groups receive the pre-advisory. */
public record PartnerGroupsRequest(
        @NotEmpty @Size(max = 50)
                List<@Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$") String> partnerGroups) {}
