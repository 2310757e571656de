package dev.embargo.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadmeExamplesTest {

    @Test
    void runsOnlyTheShBlocksThatCallCurl() {
        ReadmeExamples examples =
                ReadmeExamples.of(
                        List.of(
                                "```sh",
                                "./embargo up --detach",
                                "```",
                                "```text",
                                "curl -s http://localhost:8081/not-run",
                                "```",
                                "```",
                                "curl -s http://localhost:8081/not-run-either",
                                "```",
                                "```sh",
                                "# curl in a comment is not a command",
                                "curl -s http://localhost:8081/api/v1/programs",
                                "```"));

        String script = examples.script(Map.of());

        assertThat(examples.curlCommands()).isEqualTo(1);
        assertThat(script)
                .contains(
                        "curl -s http://localhost:8081/api/v1/programs",
                        ReadmeExamples.BLOCK_MARK + "11'")
                .doesNotContain("./embargo", "not-run");
    }

    @Test
    void aStatusCommentUnderACommandIsTheStatusItsCurlMustAnswer() {
        ReadmeExamples examples =
                ReadmeExamples.of(
                        List.of(
                                "```sh",
                                "RECEIPT=$(curl -s -X POST http://localhost:8081/api/v1/reports \\",
                                "  -d '{}')",
                                "# 201 {\"trackingId\":\"EMB-2026-00001\"}",
                                "curl -s http://localhost:8081/api/v1/programs",
                                "echo done",
                                "# 404",
                                "```"));

        String script = examples.script(Map.of());

        assertThat(script)
                .contains("RECEIPT=$(README_EXPECT=201 curl -s -X POST")
                .contains("\ncurl -s http://localhost:8081/api/v1/programs\n");
    }

    @Test
    void movesTheDocumentedPortsAndLeavesOthersAlone() {
        ReadmeExamples examples =
                ReadmeExamples.of(
                        List.of(
                                "```sh",
                                "curl -s http://localhost:8081/a -d"
                                        + " '{\"url\":\"http://127.0.0.1:9000/hook\"}'",
                                "curl -s smtp://127.0.0.1:2525",
                                "```"));

        String script = examples.script(Map.of(8081, 18081, 2525, 12525));

        assertThat(script)
                .contains(
                        "http://localhost:18081/a",
                        "http://127.0.0.1:9000/hook",
                        "smtp://127.0.0.1:12525")
                .doesNotContain(":8081", ":2525");
    }

    @Test
    void aCurlThatWaitsInALoopConditionMayFailButAPlainCurlMayNot()
            throws IOException, InterruptedException {
        // Port 1 on the loopback refuses connections: every attempt fails.
        ReadmeExamples examples =
                ReadmeExamples.of(
                        List.of(
                                "```sh",
                                "attempts=0",
                                "until curl -s http://127.0.0.1:1/ || (( ++attempts >= 2 )); do"
                                        + " :; done",
                                "echo waited",
                                "curl -s http://127.0.0.1:1/",
                                "```"));

        String printed = run(examples.script(Map.of()));

        assertThat(printed).contains("waited");
        assertThat(printed.lines().filter(line -> line.contains(ReadmeExamples.FAILURE_MARK)))
                .singleElement()
                .asString()
                .contains("curl exited with 7 for: curl -s http://127.0.0.1:1/");
    }

    private static String run(String script) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("the script ended").isTrue();
        return printed;
    }
}
