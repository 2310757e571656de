package dev.embargo.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.io.CharConversionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.hibernate.HibernateException;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which failures are the caller's (400), which say "come back later" (503 with Retry-After) and
 * which are bugs (500): I/O failures fall into all three.
 */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers(Duration.ofMillis(6500));

    static Stream<Arguments> unavailableDependencies() {
        return Stream.of(
                Arguments.of(
                        "PostgreSQL refusing connections",
                        new ConnectException("Connection refused: /127.0.0.1:5433")),
                Arguments.of("a connection reset", new SocketException("Connection reset")),
                Arguments.of("a connection reset on epoll", epollConnectionReset()),
                Arguments.of("an unknown database host", new UnknownHostException("postgres")),
                Arguments.of(
                        "a connection closed under a query", ClosedConnectionException.INSTANCE),
                Arguments.of(
                        "a pool whose wait queue is full",
                        new ConnectionPoolTooBusyException(
                                "Connection pool reached max wait queue size of 16")),
                Arguments.of(
                        "a pool with no connection to hand out in time",
                        new NoStackTraceThrowable("Timeout")),
                Arguments.of("a server shutting down", sqlState("57P01")),
                Arguments.of("a server starting up", sqlState("57P03")),
                Arguments.of("a server with too many connections", sqlState("53300")),
                Arguments.of("a connection failure", sqlState("08006")),
                Arguments.of(
                        "a JDBC connection failure",
                        new SQLException("Connection attempt failed.", "08001")),
                Arguments.of(
                        "Kafka out of reach",
                        new org.apache.kafka.common.errors.TimeoutException(
                                "Topic not present in metadata after 60000 ms.")),
                Arguments.of(
                        "a refused connection wrapped by Hibernate and Mutiny",
                        new CompletionException(
                                new HibernateException(
                                        "Could not acquire a connection",
                                        new ConnectException("Connection refused")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unavailableDependencies")
    void anUnavailableDependencyIsA503WithRetryAfterInWholeSeconds(String what, Throwable failure) {
        Response response = mappers.failure(failure);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType()).isEqualTo(Problem.MEDIA);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("6");
    }

    static Stream<Arguments> bugs() {
        return Stream.of(
                Arguments.of(
                        "an I/O failure of the service's own", new IOException("No space left")),
                Arguments.of("a unique key violated", sqlState("23505")),
                Arguments.of("a statement PostgreSQL cannot parse", sqlState("42601")),
                Arguments.of(
                        "a Vert.x failure other than the pool's timeout",
                        new NoStackTraceThrowable("Closed")),
                Arguments.of("a bug", new IllegalStateException("Session closed")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void anythingElseIsA500WithoutRetryAfter(String what, Throwable failure) {
        Response response = mappers.failure(failure);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }

    @Test
    void aBodyTheMultipartReaderEndedShortIsTheCallersEvenThoughItIsAnIoFailure() {
        // As MultiPartParserDefinition raises it when a body ends before its closing boundary.
        IOException cutShort = new IOException("Connection terminated reading multipart data");
        cutShort.setStackTrace(
                new StackTraceElement[] {
                    new StackTraceElement(
                            "org.jboss.resteasy.reactive.server.core.multipart"
                                    + ".MultiPartParserDefinition$MultiPartUploadHandler"
                                    + "$NonBlockingParseTask",
                            "done",
                            "MultiPartParserDefinition.java",
                            250)
                });

        assertThat(mappers.failure(cutShort).getStatus()).isEqualTo(400);
    }

    @Test
    void textThatIsNotInItsEncodingIsTheCallersThoughJacksonRaisesAPlainIoFailure() {
        byte[] utf32BeyondUnicode = {0, 0, 0, '{', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        Throwable malformed = catchThrowable(() -> new ObjectMapper().readTree(utf32BeyondUnicode));

        assertThat(malformed).isInstanceOf(CharConversionException.class);
        assertThat(mappers.failure(malformed).getStatus()).isEqualTo(400);
    }

    @Test
    void aPartHeaderTheMultipartReaderCannotParseIsTheCallers() {
        assertThat(mappers.failure(new MultipartParser.MalformedMessageException()).getStatus())
                .isEqualTo(400);
    }

    private static PgException sqlState(String sqlState) {
        return new PgException("PostgreSQL said no", "FATAL", sqlState, null);
    }

    /** Netty's own errno text needs its native library, as the services load it. */
    private static IOException epollConnectionReset() {
        Epoll.ensureAvailability();
        return Errors.newConnectionResetException("syscall:read", Errors.ERRNO_ECONNRESET_NEGATIVE);
    }
}
