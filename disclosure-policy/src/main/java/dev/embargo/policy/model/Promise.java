package dev.embargo.policy.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.embargo.policy.deadline.Anchor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a policy says about the time of one step. Written as a duration ({@code 7d}: a firm
 * commitment from arrival) or as an object that states more: a target rather than a commitment
 * ({@code firm: false}, "we aim to"), a range ({@code atLeast} and {@code within}: "3–7 days"), a
 * minimum ({@code atLeast} alone: "not before 7 days"), or another starting event ({@code anchor}).
 *
 * @param within the time it takes at most; null for a minimum only
 * @param atLeast the time it takes at least; null when the policy states no minimum
 * @param firm whether missing it is a breach; a target only earns warnings
 * @param anchor the event the clock starts from
 */
public record Promise(
        PolicyDuration within, PolicyDuration atLeast, boolean firm, Anchor anchor, String note) {

    public Promise {
        if (within == null && atLeast == null) {
            throw new IllegalArgumentException("A promise states within, atLeast or both");
        }
        anchor = anchor == null ? Anchor.ARRIVAL : anchor;
    }

    /** A firm commitment of {@code within}, counted from arrival: what a plain duration says. */
    public static Promise firm(PolicyDuration within) {
        return new Promise(within, null, true, Anchor.ARRIVAL, null);
    }

    /** Reads the plain form, e.g. {@code 7d}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Promise parse(String duration) {
        return firm(PolicyDuration.parse(duration));
    }

    /** Reads the object form; {@code firm} defaults to true, {@code anchor} to arrival. */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static Promise of(
            @JsonProperty("within") PolicyDuration within,
            @JsonProperty("atLeast") PolicyDuration atLeast,
            @JsonProperty("firm") Boolean firm,
            @JsonProperty("anchor") Anchor anchor,
            @JsonProperty("note") String note) {
        return new Promise(within, atLeast, firm == null || firm, anchor, note);
    }

    /** Whether the plain form says all of it: a firm {@code within} from arrival, nothing else. */
    public boolean plain() {
        return within != null
                && atLeast == null
                && firm
                && anchor == Anchor.ARRIVAL
                && note == null;
    }

    /** The plain form where it says all, else the object form: what program files hold. */
    @JsonValue
    Object written() {
        if (plain()) {
            return within.toString();
        }
        Map<String, Object> object = new LinkedHashMap<>();
        if (within != null) {
            object.put("within", within.toString());
        }
        if (atLeast != null) {
            object.put("atLeast", atLeast.toString());
        }
        if (!firm) {
            object.put("firm", false);
        }
        if (anchor != Anchor.ARRIVAL) {
            object.put("anchor", anchor.wireName());
        }
        if (note != null) {
            object.put("note", note);
        }
        return object;
    }

    /**
     * For people and event payloads: {@code 7d} for a plain promise, else e.g. {@code 3d–7d},
     * {@code at least 7d}, {@code 7d after fix-released}, {@code about 90d} for a target.
     */
    @Override
    public String toString() {
        String span =
                within == null
                        ? "at least " + atLeast
                        : atLeast == null ? within.toString() : atLeast + "–" + within;
        return (firm ? "" : "about ")
                + span
                + (anchor == Anchor.ARRIVAL ? "" : " after " + anchor.wireName());
    }
}
