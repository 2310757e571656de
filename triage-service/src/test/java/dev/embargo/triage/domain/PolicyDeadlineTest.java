package dev.embargo.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.embargo.contracts.report.Deadline;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A case's stored deadlines: firm unless the policy said otherwise, whenever they were stored. */
class PolicyDeadlineTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void deadlinesStoredBeforeTargetsExistedReadAsFirm() throws Exception {
        List<PolicyDeadline> stored =
                json.readValue(
                        "[{\"step\":\"triage\",\"dueAt\":\"2026-12-14T10:00:00Z\","
                                + "\"promised\":\"7d\"}]",
                        new TypeReference<>() {});

        assertThat(stored)
                .containsExactly(
                        new PolicyDeadline(
                                "triage", Instant.parse("2026-12-14T10:00:00Z"), "7d", true));
    }

    @Test
    void aTargetKeepsItsFirmnessButTravelsInEventsAsTheContractHasIt() throws Exception {
        PolicyDeadline target =
                new PolicyDeadline("triage", Instant.parse("2026-12-14T10:00:00Z"), "7d", false);

        assertThat(json.readValue(json.writeValueAsString(target), PolicyDeadline.class))
                .isEqualTo(target);
        assertThat(target.forEvents())
                .isEqualTo(new Deadline("triage", Instant.parse("2026-12-14T10:00:00Z"), "7d"));
    }
}
