package dev.embargo.notify.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.notify.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The body a subscription receives, by its format: a CloudEvents 1.0 event in structured mode
 * (JSON), a chat message ({@code {"text": …}}, which Slack, Mattermost and Rocket.Chat incoming
 * webhooks accept), or an issue-tracker payload ({@code title}, {@code body}, {@code labels},
 * {@code links}) for teams to map onto their tracker.
 */
@ApplicationScoped
public class SubscriptionBodies {

    public static final String CLOUDEVENTS = "cloudevents";
    public static final String CHAT = "chat";
    public static final String ISSUE = "issue";

    public static final List<String> FORMATS = List.of(CLOUDEVENTS, CHAT, ISSUE);

    private final ObjectMapper json;
    private final String consoleUrl;

    SubscriptionBodies(ObjectMapper json, WebhookConfig config) {
        this.json = json;
        this.consoleUrl = config.consoleUrl();
    }

    public String render(PublicEvent event, String format) {
        ObjectNode body =
                switch (format) {
                    case CHAT -> chat(event);
                    case ISSUE -> issue(event);
                    default -> cloudEvent(event);
                };
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bodies always serialize", e);
        }
    }

    private ObjectNode cloudEvent(PublicEvent event) {
        ObjectNode body = json.createObjectNode();
        body.put("specversion", "1.0");
        body.put("id", event.id());
        body.put("source", event.source());
        body.put("type", event.type());
        body.put("subject", event.subject());
        body.put("time", event.time().toString());
        body.put("datacontenttype", "application/json");
        body.set("data", json.valueToTree(event.data()));
        return body;
    }

    private ObjectNode chat(PublicEvent event) {
        ObjectNode body = json.createObjectNode();
        String link = link(event);
        body.put("text", link == null ? event.headline() : event.headline() + " " + link);
        return body;
    }

    private ObjectNode issue(PublicEvent event) {
        ObjectNode body = json.createObjectNode();
        body.put("title", event.headline());
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> field : event.data().entrySet()) {
            if (field.getValue() != null) {
                text.append(field.getKey()).append(": ").append(field.getValue()).append('\n');
            }
        }
        body.put("body", text.toString());
        body.set(
                "labels",
                json.valueToTree(
                        List.of("embargo", "program:" + event.program(), "event:" + event.type())));
        ObjectNode links = body.putObject("links");
        if (event.consolePath() != null) {
            links.put("console", consoleUrl + event.consolePath());
        }
        if (event.publicUrl() != null) {
            links.put("public", event.publicUrl());
        }
        return body;
    }

    private String link(PublicEvent event) {
        return event.consolePath() != null ? consoleUrl + event.consolePath() : event.publicUrl();
    }
}
