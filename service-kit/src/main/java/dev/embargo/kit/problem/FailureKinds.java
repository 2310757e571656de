package dev.embargo.kit.problem;

import io.netty.channel.unix.Errors;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * Tells apart the failures that are neither the caller's request nor a bug: a request body that
 * could not be read (the caller's, 400) and a dependency that cannot be reached right now, which
 * the same request gets past once it is back (503). Both are I/O failures at heart, so the type
 * alone cannot tell them apart.
 */
final class FailureKinds {

    /**
     * Where request bodies are read: RESTEasy Reactive (multipart parser, Vert.x input stream) and
     * Jackson's parser, whose character decoders raise CharConversionException for malformed text.
     */
    private static final List<String> BODY_READER_PACKAGES =
            List.of("org.jboss.resteasy.reactive.server.", "com.fasterxml.jackson.core.");

    /**
     * SQLSTATEs of a server that is going away or takes no connections: admin and crash shutdown,
     * "cannot connect now" (starting, stopping, recovering), too many connections; besides the
     * whole class 08 (connection exceptions).
     */
    private static final Set<String> UNAVAILABLE_SQL_STATES =
            Set.of("57P01", "57P02", "57P03", "53300");

    private FailureKinds() {}

    /**
     * The body could not be read: a multipart body ending before its closing boundary (RESTEasy
     * Reactive raises a plain {@code IOException}, "Connection terminated parsing multipart
     * request"), the client's stream failing or timing out, a part's header that cannot be parsed,
     * text that is not in its encoding. Only I/O failures raised by the body's readers count: the
     * database client's are I/O failures too.
     */
    static boolean isUnreadableBody(Throwable failure) {
        return failure instanceof MultipartParser.MalformedMessageException
                || failure instanceof IOException && raisedByBodyReader(failure);
    }

    /**
     * PostgreSQL or Kafka cannot be reached: a refused, reset or timed out connection, a connection
     * closed under a query, a pool that cannot hand out a connection, a server that is shutting
     * down or full; anywhere in the cause chain, since Hibernate Reactive and Mutiny wrap what the
     * clients raise.
     */
    static boolean isUnavailableDependency(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure;
                cause != null && seen.add(cause);
                cause = cause.getCause()) {
            if (signalsUnavailable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean signalsUnavailable(Throwable failure) {
        return switch (failure) {
            // Refused, reset, broken pipe, no route; Netty's connect timeout is a ConnectException.
            case SocketException socket -> true;
            case UnknownHostException unresolved -> true;
            // The epoll transport's socket errors ("Connection reset by peer") are not
            // SocketExceptions.
            case Errors.NativeIoException socket -> true;
            case ClosedConnectionException closed -> true;
            case ConnectionPoolTooBusyException busy -> true;
            // The SQL client pool gives up waiting for a connection with Future.failedFuture.
            case NoStackTraceThrowable vertx -> "Timeout".equals(vertx.getMessage());
            case DatabaseException database -> isUnavailableState(database.getSqlState());
            case SQLException jdbc -> isUnavailableState(jdbc.getSQLState());
            // Kafka's own word for "try again": no leader, no broker, timed out.
            case RetriableException kafka -> true;
            default -> false;
        };
    }

    private static boolean isUnavailableState(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || UNAVAILABLE_SQL_STATES.contains(sqlState));
    }

    private static boolean raisedByBodyReader(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length > 0
                && BODY_READER_PACKAGES.stream().anyMatch(trace[0].getClassName()::startsWith);
    }
}
