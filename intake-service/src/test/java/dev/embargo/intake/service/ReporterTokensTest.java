package dev.embargo.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReporterTokensTest {

    private final ReporterTokens tokens = new ReporterTokens();

    @Test
    void issuesUrlSafeTokensOf256RandomBits() {
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            issued.add(tokens.issue());
        }
        assertThat(issued)
                .hasSize(1000)
                .allSatisfy(token -> assertThat(token).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void storesOnlyAHashThatIsNotTheToken() {
        String token = tokens.issue();
        byte[] hash = tokens.hash(token);
        assertThat(hash).hasSize(32);
        assertThat(new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(token);
    }

    @Test
    void matchesTheIssuedTokenAndNothingElse() {
        String token = tokens.issue();
        byte[] stored = tokens.hash(token);
        assertThat(tokens.matches(token, stored)).isTrue();
        assertThat(tokens.matches(tokens.issue(), stored)).isFalse();
        assertThat(tokens.matches(token.substring(1), stored)).isFalse();
        assertThat(tokens.matches(null, stored)).isFalse();
        assertThat(tokens.matches(token, null)).isFalse();
    }
}
