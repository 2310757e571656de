package dev.embargo.notify.domain;

/**
 * Why a product is not affected: the CSAF 2.0 VEX flag labels (section 3.2.3.5), the only
 * justifications a "not affected" statement may give.
 */
public enum VexJustification implements AnswerLabel {
    COMPONENT_NOT_PRESENT,
    VULNERABLE_CODE_NOT_PRESENT,
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY,
    VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
    INLINE_MITIGATIONS_ALREADY_EXIST
}
