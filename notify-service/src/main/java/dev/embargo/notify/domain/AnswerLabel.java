package dev.embargo.notify.domain;

import java.util.Arrays;
import java.util.Optional;

/** A value of a partner's answer, written in the API and events as its lower-case label. */
public interface AnswerLabel {

    String name();

    /** The label: {@code not_affected} for {@code NOT_AFFECTED}. */
    default String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant of {@code type} whose label is {@code label}; empty for any other text. */
    static <E extends Enum<E> & AnswerLabel> Optional<E> parse(Class<E> type, String label) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.label().equals(label))
                .findFirst();
    }

    /** Every label of {@code type}, for error messages. */
    static <E extends Enum<E> & AnswerLabel> String labels(Class<E> type) {
        return String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(AnswerLabel::label).toList());
    }
}
