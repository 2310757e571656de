package dev.embargo.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class NulCharacterGuardTest {

    record Submission(String title, String creditName, List<String> tags) {}

    private final ObjectMapper json = guarded();

    private static ObjectMapper guarded() {
        ObjectMapper mapper = new ObjectMapper();
        new NulCharacterGuard().customize(mapper);
        return mapper;
    }

    @Test
    void textWithANulCharacterIsRefusedNamingItsField() {
        assertThatThrownBy(
                        () ->
                                json.readValue(
                                        "{\"title\":\"t\",\"creditName\":\"a\\u0000b\"}",
                                        Submission.class))
                .isInstanceOf(NulCharacterGuard.NulCharacterException.class)
                .satisfies(
                        e ->
                                assertThat(((JsonMappingException) e).getPath())
                                        .extracting(JsonMappingException.Reference::getFieldName)
                                        .containsExactly("creditName"));
    }

    @Test
    void aNulCharacterInsideAListIsRefusedToo() {
        assertThatThrownBy(
                        () ->
                                json.readValue(
                                        "{\"title\":\"t\",\"tags\":[\"ok\",\"\\u0000\"]}",
                                        Submission.class))
                .isInstanceOf(NulCharacterGuard.NulCharacterException.class);
    }

    @Test
    void otherTextPassesUnchangedIncludingOtherControlCharactersAndNulls() throws Exception {
        Submission read =
                json.readValue(
                        "{\"title\":\"tab\\there \\u0001 \\\\u0000 \\u00e9\",\"creditName\":null}",
                        Submission.class);

        assertThat(read.title()).isEqualTo("tab\there \u0001 \\u0000 é");
        assertThat(read.creditName()).isNull();
    }
}
