package dev.embargo.kit.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses JSON text holding a NUL character ({@code \u0000}) in any request body of any service.
 *
 * <p>PostgreSQL cannot store NUL in a text column: such a field, valid for Jackson and for bean
 * validation, failed only at the insert, and the caller got a 500. NUL is never part of the text a
 * person writes; binary content travels as an attachment.
 */
@Singleton
public class NulCharacterGuard implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(
                new SimpleModule("embargo-nul-character-guard")
                        .addDeserializer(String.class, new NulFreeString()));
    }

    /** Raised for a NUL character; maps to a 400 naming the field ({@link ProblemMappers}). */
    public static final class NulCharacterException extends MismatchedInputException {

        NulCharacterException(JsonParser parser) {
            super(parser, "Text with a NUL character", String.class);
        }
    }

    private static final class NulFreeString extends StdScalarDeserializer<String> {

        NulFreeString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw new NulCharacterException(parser);
            }
            return text;
        }
    }
}
