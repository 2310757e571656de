package dev.embargo.intake.service;

import dev.embargo.intake.domain.Report;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Reporter capability tokens: 256 random bits, shown to the reporter once, stored only as a SHA-256
 * hash. A plain hash suffices (no slow KDF) because the token is random, not a password a human
 * chose.
 */
@ApplicationScoped
public class ReporterTokens {

    private static final int TOKEN_BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    /** A fresh token in URL-safe Base64 without padding. */
    public String issue() {
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    public byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** Compares in constant time so that response timing reveals nothing about the stored hash. */
    public boolean matches(String presentedToken, byte[] storedHash) {
        return presentedToken != null
                && storedHash != null
                && MessageDigest.isEqual(hash(presentedToken), storedHash);
    }

    /**
     * The report, if {@code token} is its reporter's; the same 404 for a wrong token as for no
     * report, so ids cannot be probed.
     */
    public Report authorise(Report report, String token) {
        if (!matches(token, report == null ? null : report.tokenHash)) {
            throw new ProblemException(
                    Problem.of(Status.NOT_FOUND, "No report matches this tracking id and token."));
        }
        return report;
    }
}
