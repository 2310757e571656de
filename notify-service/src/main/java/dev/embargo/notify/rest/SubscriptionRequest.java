package dev.embargo.notify.rest;

import dev.embargo.notify.service.PublicEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new subscription: where to, which event types of which programs, and in which format. */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) String url,
        @NotEmpty
                List<
                                @NotNull
                                @Pattern(
                                        regexp = PublicEvent.TYPE_PATTERN,
                                        message = "must be one of " + PublicEvent.TYPE_NAMES)
                                String>
                        eventTypes,
        @NotEmpty @Size(max = 100)
                List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String> programs,
        @Pattern(regexp = "cloudevents|chat|issue", message = "must be cloudevents, chat or issue")
                String format) {}
