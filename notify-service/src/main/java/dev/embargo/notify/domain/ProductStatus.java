package dev.embargo.notify.domain;

/** What a partner states about one of its products, in CSAF VEX's terms. */
public enum ProductStatus implements AnswerLabel {
    AFFECTED,
    NOT_AFFECTED,
    /** Fixed in a version the partner names. */
    FIXED,
    UNDER_INVESTIGATION
}
