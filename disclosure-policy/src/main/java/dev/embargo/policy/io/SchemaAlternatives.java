package dev.embargo.policy.io;

import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts out the validator's messages about {@code oneOf} and {@code anyOf}, where a value may take
 * one of several forms (a duration or a promise; a key inline, by URL or on a keyserver). The
 * validator reports why each form failed; an author needs only the complaints about the form they
 * chose, or, when they chose none, one finding naming the forms.
 */
final class SchemaAlternatives {

    /** The last oneOf/anyOf in an evaluation path, then what follows it. */
    private static final Pattern COMPOSITION =
            Pattern.compile("^(.*\\.(?:oneOf|anyOf))(?:\\[\\d+])?(.*)$");

    /** The steps after a composition that move into the value (a property, an item). */
    private static final Pattern INTO_VALUE =
            Pattern.compile("\\.properties\\.[^.]+|\\.items|\\.additionalProperties");

    private SchemaAlternatives() {}

    /**
     * The findings: each one message, or the alternatives of one value to be reported as one (when
     * each says only that the value is of another type, or lacks another field).
     */
    static List<List<ValidationMessage>> findings(Collection<ValidationMessage> messages) {
        Map<String, List<ValidationMessage>> byValue = new LinkedHashMap<>();
        List<List<ValidationMessage>> findings = new ArrayList<>();
        for (ValidationMessage message : messages) {
            Matcher composition = COMPOSITION.matcher(message.getEvaluationPath().toString());
            if (composition.matches()) {
                String value =
                        valueOf(message.getInstanceLocation().toString(), composition.group(2));
                byValue.computeIfAbsent(
                                composition.group(1) + " @ " + value, key -> new ArrayList<>())
                        .add(message);
            } else {
                findings.add(List.of(message));
            }
        }
        for (List<ValidationMessage> alternatives : byValue.values()) {
            findings.addAll(sorted(alternatives));
        }
        return findings;
    }

    private static List<List<ValidationMessage>> sorted(List<ValidationMessage> alternatives) {
        // The "none of the forms matched" summary says nothing the alternatives do not.
        List<ValidationMessage> reasons =
                alternatives.stream()
                        .filter(message -> !List.of("oneOf", "anyOf").contains(message.getType()))
                        .toList();
        List<ValidationMessage> aboutTheChosenForm =
                reasons.stream().filter(message -> !"type".equals(message.getType())).toList();
        if (reasons.isEmpty()) {
            return alternatives.stream().map(List::of).toList();
        }
        if (aboutTheChosenForm.isEmpty()
                || aboutTheChosenForm.stream().allMatch(m -> "required".equals(m.getType()))
                        && aboutTheChosenForm.size() == reasons.size()) {
            return List.of(reasons);
        }
        return aboutTheChosenForm.stream().map(List::of).toList();
    }

    /**
     * The location of the value the composition is about: the message's, less the steps into it.
     */
    private static String valueOf(String instance, String afterComposition) {
        Matcher steps = INTO_VALUE.matcher(afterComposition);
        String value = instance;
        while (steps.find()) {
            value = value.replaceFirst("(\\.[^.\\[]+|\\[\\d+])$", "");
        }
        return value;
    }
}
