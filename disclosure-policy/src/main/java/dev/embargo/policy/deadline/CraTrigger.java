package dev.embargo.policy.deadline;

/**
 * What starts a case's EU Cyber Resilience Act reporting clock (Regulation (EU) 2024/2847, Article
 * 14).
 */
public enum CraTrigger {
    /** Article 14(1)–(2): an actively exploited vulnerability in the product. */
    ACTIVELY_EXPLOITED,
    /** Article 14(3)–(4): a severe incident having an impact on the product's security. */
    SEVERE_INCIDENT
}
