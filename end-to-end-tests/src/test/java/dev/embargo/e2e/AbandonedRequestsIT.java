package dev.embargo.e2e;

import static dev.embargo.e2e.support.ServiceDatabase.statementsWaitingForALock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Researchers who hang up halfway — a closed browser tab, a dropped mobile connection, or someone
 * doing it on purpose — must not take intake's database connections with them. Hibernate Reactive
 * leaks the connection when an HTTP request is cancelled while its transaction is open
 * (quarkusio/quarkus#51576); under load a few hundred such requests left intake answering nobody.
 * Both ways intake writes are covered: reporters' messages go through Hibernate ({@code
 * Transactions}), reports without files through the batch writers of {@code SubmissionBatches}.
 */
@ExtendWith(EmbargoStack.class)
class AbandonedRequestsIT {

    private static final Pattern POOL_ACTIVE =
            Pattern.compile("(?m)^sql_pool_active\\{[^}]*} ([0-9.]+)$");
    private static final int CLIENTS = 40;

    @Test
    void clientsHangingUpMidTransactionLeaveNoDatabaseConnectionBehind(RunningStack stack)
            throws Exception {
        String intake = stack.serviceUrl("intake");
        URI uri = URI.create(intake);

        SubmittedReport conversation =
                stack.reporter()
                        .submit("pea2pea", "Before the hang-ups", "before-hang-ups@example.org");
        List<Socket> waiting = new ArrayList<>();
        try (Connection slowMoment = stack.database("intake");
                Connection observer = stack.database("intake")) {
            // A slow moment of the database: reports and messages wait inside their transactions,
            // at the INSERT.
            slowMoment.setAutoCommit(false);
            try (Statement lock = slowMoment.createStatement()) {
                lock.execute("LOCK TABLE report, report_message IN SHARE ROW EXCLUSIVE MODE");
            }
            for (int i = 0; i < CLIENTS; i++) {
                waiting.add(
                        i % 2 == 0
                                ? sendWithoutWaiting(uri, "/api/v1/reports", null, reportBody())
                                : sendWithoutWaiting(
                                        uri,
                                        "/api/v1/reports/"
                                                + conversation.trackingId()
                                                + "/messages",
                                        conversation.reporterToken(),
                                        "{\"text\":\"Anyone there?\"}"));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> statementsWaitingForALock(observer, "insert into report") >= 10);
            // Everyone gives up at once, with a reset: the server learns at once that nobody is
            // waiting.
            for (Socket socket : waiting) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
            // Time for intake to see the resets and cancel while the transactions still wait on the
            // lock.
            Thread.sleep(500);
            slowMoment.rollback();
        }

        // Once the abandoned work is over, every connection is back in the pool...
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> poolActive(stack.managementUrl("intake")) == 0);
        // ...and intake takes reports and shows status pages as before.
        SubmittedReport after =
                stack.reporter()
                        .submit("pea2pea", "After the hang-ups", "after-hang-ups@example.org");
        stack.reporter().status(after.trackingId(), after.reporterToken()).then().statusCode(200);
    }

    private static String reportBody() {
        return "{\"program\":\"pea2pea\",\"title\":\"Abandoned "
                + ThreadLocalRandom.current().nextInt()
                + "\",\"description\":\"Steps: 1. 2.\"}";
    }

    /** Sends a whole request and leaves the connection open without reading the answer. */
    private static Socket sendWithoutWaiting(
            URI intake, String path, String reporterToken, String json) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head =
                "POST "
                        + path
                        + " HTTP/1.1\r\nHost: "
                        + intake.getHost()
                        + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: "
                        + body.length
                        + "\r\n"
                        + (reporterToken == null
                                ? ""
                                : "Authorization: Bearer " + reporterToken + "\r\n")
                        // Each from a client of its own: this test is about connections, not rate
                        // limits.
                        + "X-Forwarded-For: 198.18."
                        + random.nextInt(256)
                        + "."
                        + random.nextInt(1, 255)
                        + "\r\n\r\n";
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(intake.getHost(), intake.getPort()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    private static double poolActive(String management) {
        Matcher active =
                POOL_ACTIVE.matcher(
                        given().when()
                                .get(management + "/metrics")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        assertThat(active.find()).as("sql_pool_active in the metrics").isTrue();
        return Double.parseDouble(active.group(1));
    }
}
