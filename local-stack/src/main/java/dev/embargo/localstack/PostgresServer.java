package dev.embargo.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * PostgreSQL from the machine's server binaries, one cluster with a database per service.
 * PostgreSQL refuses to run as root, so as root its tools run as the {@code postgres} user (or a
 * system user {@value #FALLBACK_OS_USER} created for it). That user must reach the cluster's
 * directory; when a parent of {@code EMBARGO_HOME} is closed to it (a home under {@code /root}),
 * the cluster lives in {@code /var/tmp/embargo-pg-<hash of EMBARGO_HOME>} instead.
 */
final class PostgresServer implements Component {

    private static final String FALLBACK_OS_USER = "embargo-pg";

    /**
     * A Unix socket path may not be longer than 107 bytes; leave room for {@code /.s.PGSQL.<port>}.
     */
    private static final int MAX_SOCKET_DIRECTORY_LENGTH = 90;

    private final StackSettings settings;
    private final Path logFile;
    private PostgresBinaries binaries;
    private String serverUser;
    private Path root;

    PostgresServer(StackSettings settings) {
        this.settings = settings;
        this.logFile = settings.logDir().resolve("postgres.log");
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String endpoint() {
        return "127.0.0.1:" + settings.postgresPort();
    }

    @Override
    public List<Integer> ports() {
        return List.of(settings.postgresPort());
    }

    @Override
    public void start() {
        if (isRunning()) {
            return;
        }
        Path data = dataDirectory();
        try {
            Files.createDirectories(socketDirectory());
            handOver(socketDirectory());
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                Files.createDirectories(data);
                handOver(data);
                // Local connections (the socket, in a directory of the stack's own) are trusted:
                // the bootstrap
                // runs as the superuser through it. Services connect over TCP with their role's
                // password.
                Commands.runLogged(
                        asServerUser(
                                tool("initdb"),
                                "-D",
                                data.toString(),
                                "-U",
                                "postgres",
                                "-E",
                                "UTF8",
                                "--no-locale",
                                "--auth-local=trust",
                                "--auth-host=scram-sha-256"),
                        Map.of(),
                        root(),
                        logFile,
                        120);
            }
        } catch (IOException e) {
            throw new StackException(
                    "Cannot prepare PostgreSQL's directories: " + e.getMessage(), e);
        }
        StringBuilder options =
                new StringBuilder("-p ")
                        .append(settings.postgresPort())
                        .append(" -c unix_socket_directories=")
                        .append(socketDirectory());
        serverSettings(settings).forEach(setting -> options.append(" -c ").append(setting));
        // Without -l the server writes to pg_ctl's output: the log file this launcher opened,
        // whoever the server runs as.
        Commands.runLogged(
                inOwnSession(
                        asServerUser(
                                tool("pg_ctl"),
                                "-D",
                                data.toString(),
                                "-o",
                                options.toString(),
                                "-w",
                                "-t",
                                "60",
                                "start")),
                Map.of(),
                root(),
                logFile,
                90);
    }

    /**
     * The server's settings ({@code -c name=value}), the same whether it runs as a process or in a
     * container: loopback only, and without durability in the test profile alone. Tests throw their
     * data away, so fsync only costs them time; anywhere else a crash without it loses commits
     * already acknowledged (a kill test lost two accepted reports that way). The connection limit
     * leaves room for two replicas of every service, each with its pools and its LISTEN connection,
     * beside Keycloak: the default 100 refused the second triage replica.
     */
    static List<String> serverSettings(StackSettings settings) {
        List<String> serverSettings =
                new ArrayList<>(List.of("listen_addresses=127.0.0.1", "max_connections=300"));
        if (settings.testProfile()) {
            serverSettings.addAll(
                    List.of("fsync=off", "synchronous_commit=off", "full_page_writes=off"));
        }
        return serverSettings;
    }

    @Override
    public void awaitReady() {
        Readiness.await(
                name(),
                logFile,
                Duration.ofSeconds(60),
                () ->
                        Commands.tryRun(
                                                List.of(
                                                        tool("pg_isready"),
                                                        "-q",
                                                        "-h",
                                                        socketDirectory().toString(),
                                                        "-p",
                                                        Integer.toString(settings.postgresPort())),
                                                null,
                                                10)
                                        .exitCode()
                                == 0);
        createServiceDatabases();
    }

    @Override
    public void stop() {
        if (isRunning()) {
            Commands.runLogged(
                    asServerUser(
                            tool("pg_ctl"),
                            "-D",
                            dataDirectory().toString(),
                            "-m",
                            "fast",
                            "-w",
                            "-t",
                            "60",
                            "stop"),
                    Map.of(),
                    root(),
                    logFile,
                    90);
        }
    }

    @Override
    public boolean isRunning() {
        return pid().isPresent();
    }

    /** The postmaster's pid, from the first line of its {@code postmaster.pid}. */
    @Override
    public OptionalLong pid() {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(process -> OptionalLong.of(pid))
                    .orElse(OptionalLong.empty());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Where the cluster's files are; {@code reset} deletes it along with {@code data/}. */
    Path root() {
        if (root == null) {
            Path fallback = fallbackRoot();
            if (Files.exists(fallback.resolve("postgres/PG_VERSION"))) {
                root = fallback;
            } else if (Files.exists(settings.dataDir().resolve("postgres/PG_VERSION"))) {
                root = settings.dataDir();
            } else {
                root = reachableByServerUser(settings.dataDir()) ? settings.dataDir() : fallback;
            }
        }
        return root;
    }

    /** The place the cluster would use if its own were not reachable, whether or not it is used. */
    Path fallbackRoot() {
        return Path.of("/var/tmp", "embargo-pg-" + hashOf(settings.home()));
    }

    private Path dataDirectory() {
        return root().resolve("postgres");
    }

    private Path socketDirectory() {
        return root().resolve("postgres-socket");
    }

    private void createServiceDatabases() {
        Path script = settings.runDir().resolve("postgres-bootstrap.sql");
        try {
            Files.createDirectories(settings.runDir());
            Files.writeString(
                    script,
                    ServiceDatabases.bootstrapScript(StackSettings.ALL_SERVICES),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Cannot write " + script + ": " + e.getMessage(), e);
        }
        Commands.run(
                List.of(
                        tool("psql"),
                        "-q",
                        "-h",
                        socketDirectory().toString(),
                        "-p",
                        Integer.toString(settings.postgresPort()),
                        "-U",
                        "postgres",
                        "-d",
                        "postgres",
                        "-f",
                        script.toString()),
                null,
                60);
    }

    private boolean reachableByServerUser(Path directory) {
        if (directory.resolve("postgres-socket").toString().length()
                > MAX_SOCKET_DIRECTORY_LENGTH) {
            return false;
        }
        if (!Commands.runningAsRoot()) {
            return true;
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StackException("Cannot create " + directory + ": " + e.getMessage(), e);
        }
        return Commands.tryRun(asServerUser("test", "-x", directory.toString()), null, 10)
                        .exitCode()
                == 0;
    }

    /** PostgreSQL's tools refuse to run as root; as root they run as the server's user. */
    private List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (Commands.runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", serverUser(), "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /**
     * The server in a session of its own, like every other component: the launcher's terminal does
     * not reach it.
     */
    private static List<String> inOwnSession(List<String> command) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            full.add("/usr/bin/setsid");
        }
        full.addAll(command);
        return full;
    }

    /** Gives the server's user the directories it writes to, when running as root. */
    private void handOver(Path directory) {
        if (Commands.runningAsRoot()) {
            Commands.run(
                    List.of("chown", "-R", serverUser() + ":", directory.toString()), null, 60);
        }
    }

    private String serverUser() {
        if (serverUser == null) {
            if (Commands.tryRun(List.of("id", "-u", "postgres"), null, 10).exitCode() == 0) {
                serverUser = "postgres";
            } else {
                if (Commands.tryRun(List.of("id", "-u", FALLBACK_OS_USER), null, 10).exitCode()
                        != 0) {
                    Commands.run(
                            List.of(
                                    "useradd",
                                    "--system",
                                    "--user-group",
                                    "--no-create-home",
                                    "--shell",
                                    "/usr/sbin/nologin",
                                    FALLBACK_OS_USER),
                            null,
                            30);
                }
                serverUser = FALLBACK_OS_USER;
            }
        }
        return serverUser;
    }

    private String tool(String name) {
        if (binaries == null) {
            binaries = PostgresBinaries.locate();
        }
        return binaries.tool(name);
    }

    private static String hashOf(Path home) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(home.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
