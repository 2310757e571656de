package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance test of the deadline work, one run per seed program: a report goes through its
 * whole lifecycle to closed (through a post-mortem where the policy asks for one), its deadlines
 * are the seed's, the team is warned and then told of the breach when triage's clock runs past a
 * due time, and the audit chain verifies at the end.
 */
@ExtendWith(EmbargoStack.class)
class SeedProgramLifecycleIT {

    private static final Duration SOON = Duration.ofSeconds(30);

    private RunningStack stack;
    private String triager;

    /**
     * A seed program as its SECURITY.md reads.
     *
     * @param deadlines step to its deadline as the seed words it: {@code 48h}, {@code 3bd}, {@code
     *     1w}; {@code -} for a step without a due time; {@code disclosure-5d} and {@code
     *     disclosure+14d} for steps that follow it
     * @param watchedStep the step whose due time the clock is run past; null when the seed sets no
     *     due time at all
     * @param path the states its case goes through after acknowledgement
     */
    record Seed(
            String slug,
            String teamAddress,
            Map<String, String> severity,
            Map<String, String> deadlines,
            String watchedStep,
            String watchedLabel,
            List<String> path) {

        @Override
        public String toString() {
            return slug;
        }
    }

    static Stream<Seed> seeds() {
        String high = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";
        return Stream.of(
                // Seed 003: ack 48 h, status updates every 7 days, fix by severity (high: 1 week).
                new Seed(
                        "emek",
                        "emek@moltbook.com",
                        Map.of("level", "high"),
                        ordered("acknowledgement", "48h", "status_update", "7d", "fix", "1w"),
                        "fix",
                        "Fix",
                        List.of("triaging", "accepted", "fixing", "published", "closed")),
                // Seed 004: ack 3 bd, triage 7 d, fix within 7-30 d, 5-day pre-release, disclosure
                // 30 d, post-mortem.
                new Seed(
                        "moqtail",
                        "security@moqtail.dev",
                        Map.of("cvssVector", high),
                        ordered(
                                "acknowledgement",
                                "3bd",
                                "triage",
                                "7d",
                                "fix",
                                "30d",
                                "pre_release",
                                "disclosure-5d",
                                "disclosure",
                                "30d",
                                "post_mortem",
                                "disclosure+14d"),
                        "triage",
                        "Triage",
                        List.of(
                                "triaging",
                                "accepted",
                                "fixing",
                                "pre_release",
                                "published",
                                "post_mortem",
                                "closed")),
                // Seed 001: ack 3 bd, triage 10 bd, disclosure 90 d.
                new Seed(
                        "oxpulse-partner-edge",
                        "security@oxpulse.chat",
                        Map.of("cvssVector", high),
                        ordered("acknowledgement", "3bd", "triage", "10bd", "disclosure", "90d"),
                        "triage",
                        "Triage",
                        List.of("triaging", "accepted", "fixing", "published", "closed")),
                // Seed 002: "as my schedule allows" - nothing has a time, so nothing can be late.
                new Seed(
                        "pea2pea",
                        "security@pea2pea.invalid",
                        Map.of("cvssVector", high),
                        ordered("acknowledgement", "-", "triage", "-"),
                        null,
                        null,
                        List.of("triaging", "accepted", "fixing", "published", "closed")),
                // Seed 005: ack 72 h, triage 5 bd, post-mortem from high severity.
                new Seed(
                        "x0tta6bl4",
                        "security@x0tta6bl4.local",
                        Map.of("cvssVector", high),
                        ordered("acknowledgement", "72h", "triage", "5bd", "post_mortem", "-"),
                        "triage",
                        "Triage",
                        List.of(
                                "triaging",
                                "accepted",
                                "fixing",
                                "published",
                                "post_mortem",
                                "closed")));
    }

    @BeforeEach
    void staff(RunningStack runningStack) {
        stack = runningStack;
        triager = stack.staffTokens().of("triager");
    }

    @AfterEach
    void clockBackInStep() {
        stack.triageClock().reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aReportGoesThroughItsProgramsWholeLifecycleAndEveryDeadlineIsMetOrCalledOut(Seed seed)
            throws InterruptedException {
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                seed.slug(),
                                "Lifecycle under the " + seed.slug() + " policy",
                                "seed-" + UUID.randomUUID() + "@example.org");
        String caseId =
                await().atMost(SOON)
                        .until(
                                () ->
                                        given().auth()
                                                .oauth2(triager)
                                                .queryParam("program", seed.slug())
                                                .when()
                                                .get(cases())
                                                .then()
                                                .statusCode(200)
                                                .extract()
                                                .jsonPath()
                                                .getString(
                                                        "find { it.trackingId == '%s' }.id"
                                                                .formatted(report.trackingId())),
                                id -> id != null);
        given().auth()
                .oauth2(triager)
                .contentType(ContentType.JSON)
                .body(seed.severity())
                .when()
                .put(cases() + "/" + caseId + "/severity")
                .then()
                .statusCode(200)
                .body("severity", equalTo("high"));

        Map<String, Instant> dueTimes = theSeedsDates(seed, caseId);
        if (seed.watchedStep() != null) {
            theTeamIsWarnedThenToldOfTheBreach(
                    seed, report, caseId, dueTimes.get(seed.watchedStep()));
        } else {
            nothingIsEverLate(seed, report, caseId);
        }
        if (seed.deadlines().containsKey("status_update")) {
            // The clock ran past the first status update: the policy's update reached the reporter.
            await().atMost(SOON)
                    .untilAsserted(
                            () ->
                                    assertThat(stack.mailbox().subjects(report.reporterEmail()))
                                            .contains(
                                                    "["
                                                            + report.trackingId()
                                                            + "] Status update on your"
                                                            + " vulnerability report"));
        }
        stack.triageClock().reset();

        walk(seed, caseId);

        given().auth()
                .oauth2(triager)
                .when()
                .get(cases() + "/" + caseId + "/deadlines")
                .then()
                .statusCode(200)
                .body("standing", everyItem(equalTo("settled")));
        given().auth()
                .oauth2(triager)
                .when()
                .get(cases() + "/" + caseId + "/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                // opened, scored, then one line per move
                .body("lines", equalTo(2 + seed.path().size()));
        await().atMost(SOON)
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("closed")));
        // Deadline compliance per program and step, for the steps after triage this seed gives a
        // time.
        String metrics =
                given().when()
                        .get(stack.managementUrl("triage") + "/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        for (String step : List.of("fix", "disclosure")) {
            if (dueTimes.get(step) != null) {
                assertThat(metrics)
                        .containsPattern(
                                "embargo_deadline_outcome_total\\{outcome=\"(met|missed)\",program=\""
                                        + seed.slug()
                                        + "\",step=\""
                                        + step
                                        + "\"}");
            }
        }
    }

    /** The case's deadlines are the seed's, counted from the report's arrival. */
    private Map<String, Instant> theSeedsDates(Seed seed, String caseId) {
        var view =
                given().auth()
                        .oauth2(triager)
                        .when()
                        .get(cases() + "/" + caseId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        Instant arrival = Instant.parse(view.getString("submittedAt"));
        Map<String, Instant> dueTimes = new HashMap<>();
        for (Map<String, Object> date : view.<Map<String, Object>>getList("deadlines")) {
            dueTimes.put(
                    (String) date.get("step"),
                    date.get("dueAt") == null ? null : Instant.parse((String) date.get("dueAt")));
        }
        assertThat(dueTimes.keySet())
                .containsExactlyInAnyOrderElementsOf(seed.deadlines().keySet());
        Instant disclosure = dueTimes.get("disclosure");
        seed.deadlines()
                .forEach(
                        (step, deadline) ->
                                assertThat(dueTimes.get(step))
                                        .as(seed.slug() + " " + step + " " + deadline)
                                        .isEqualTo(expected(deadline, arrival, disclosure)));
        return dueTimes;
    }

    private void theTeamIsWarnedThenToldOfTheBreach(
            Seed seed, SubmittedReport report, String caseId, Instant due) {
        String subjectStart = "[" + report.trackingId() + "] ";
        stack.triageClock().moveTo(due.minus(Duration.ofMinutes(30)));
        await().atMost(SOON)
                .untilAsserted(
                        () ->
                                assertThat(stack.mailbox().subjects(seed.teamAddress()))
                                        .contains(
                                                subjectStart
                                                        + "Deadline approaching: "
                                                        + seed.watchedLabel())
                                        .doesNotContain(
                                                subjectStart
                                                        + "Deadline missed: "
                                                        + seed.watchedLabel()));

        stack.triageClock().moveTo(due.plus(Duration.ofHours(1)));
        await().atMost(SOON)
                .untilAsserted(
                        () ->
                                assertThat(stack.mailbox().subjects(seed.teamAddress()))
                                        .contains(
                                                subjectStart
                                                        + "Deadline missed: "
                                                        + seed.watchedLabel()));
        given().auth()
                .oauth2(triager)
                .when()
                .get(cases() + "/" + caseId + "/deadlines")
                .then()
                .statusCode(200)
                .body(
                        "find { it.step == '%s' }.standing".formatted(seed.watchedStep()),
                        equalTo("breached"));
        given().auth()
                .oauth2(triager)
                .queryParams(Map.of("program", seed.slug(), "overdue", true, "size", 500))
                .when()
                .get(cases())
                .then()
                .statusCode(200)
                .body("id", hasItem(caseId));
        // Once each: the scheduler does not repeat itself on its next passes.
        assertThat(stack.mailbox().subjects(seed.teamAddress()))
                .filteredOn(subject -> subject.startsWith(subjectStart))
                .hasSize(2);
    }

    private void nothingIsEverLate(Seed seed, SubmittedReport report, String caseId)
            throws InterruptedException {
        stack.triageClock().runAhead(Duration.ofDays(400));
        given().auth()
                .oauth2(triager)
                .when()
                .get(cases() + "/" + caseId + "/deadlines")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        // The scheduler scans every second on the test stack: give it a few passes to be wrong.
        Thread.sleep(3_000);
        assertThat(stack.mailbox().subjects(seed.teamAddress()))
                .noneMatch(subject -> subject.startsWith("[" + report.trackingId() + "]"));
        given().auth()
                .oauth2(triager)
                .queryParams(Map.of("program", seed.slug(), "overdue", true, "size", 500))
                .when()
                .get(cases())
                .then()
                .statusCode(200)
                .body("id", not(hasItem(caseId)));
    }

    /**
     * Moves the case along the seed's path; a policy that asks for a post-mortem does not let the
     * case skip it.
     */
    private void walk(Seed seed, String caseId) {
        for (String state : seed.path()) {
            if (state.equals("post_mortem")) {
                move(caseId, "closed")
                        .then()
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("errors[0].message", equalTo("allowed: [post_mortem]"));
            }
            move(caseId, state).then().statusCode(200).body("state", equalTo(state));
        }
    }

    private io.restassured.response.Response move(String caseId, String state) {
        return given().auth()
                .oauth2(triager)
                .contentType(ContentType.JSON)
                .body(Map.of("to", state, "reason", "seed walk"))
                .when()
                .post(cases() + "/" + caseId + "/transitions");
    }

    /** What a seed's deadline means in time, counted independently of the deadline engine. */
    private static Instant expected(String deadline, Instant arrival, Instant disclosure) {
        if (deadline.equals("-")) {
            return null;
        }
        if (deadline.startsWith("disclosure")) {
            Duration offset =
                    Duration.ofDays(
                            Long.parseLong(
                                    deadline.substring(
                                            "disclosure".length(), deadline.length() - 1)));
            return disclosure.plus(offset);
        }
        long amount = Long.parseLong(deadline.replaceAll("[a-z]", ""));
        String unit = deadline.replaceAll("[0-9]", "");
        return switch (unit) {
            case "h" -> arrival.plus(Duration.ofHours(amount));
            case "d" -> arrival.plus(Duration.ofDays(amount));
            case "w" -> arrival.plus(Duration.ofDays(7 * amount));
            case "bd" -> businessDaysAfter(arrival, amount);
            default -> throw new IllegalArgumentException(deadline);
        };
    }

    /** The same time of day, {@code days} working days (Monday to Friday, UTC) later. */
    private static Instant businessDaysAfter(Instant arrival, long days) {
        ZonedDateTime day = arrival.atZone(ZoneOffset.UTC);
        long counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day.toInstant();
    }

    private static Map<String, String> ordered(String... stepsAndDeadlines) {
        Map<String, String> deadlines = new LinkedHashMap<>();
        for (int i = 0; i < stepsAndDeadlines.length; i += 2) {
            deadlines.put(stepsAndDeadlines[i], stepsAndDeadlines[i + 1]);
        }
        return deadlines;
    }

    private String cases() {
        return stack.serviceUrl("triage") + "/api/v1/cases";
    }
}
