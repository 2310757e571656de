package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL from the machine's server binaries (Debian's {@code postgresql} package, which
 * {@code ./embargo} installs when missing). PostgreSQL refuses to run as root, so as root it runs
 * as the {@code postgres} user (or a system user {@code embargo-pg} created for it). One database
 * and one login role per service; no role may connect to another service's database.
 */
final class PostgresServer implements Component {

    static final List<String> SERVICE_DATABASES = List.of("intake", "triage", "notify", "advisory");
    private static final String FALLBACK_OS_USER = "embargo-pg";

    private final StackSettings settings;
    private final Path dataDirectory;
    private final Path socketDirectory;
    private final Path logFile;
    private Path binaries;

    PostgresServer(StackSettings settings) {
        this.settings = settings;
        this.dataDirectory = settings.dataDir().resolve("postgres");
        this.socketDirectory = settings.dataDir().resolve("postgres-socket");
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
    public void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(socketDirectory);
            Files.createDirectories(settings.logDir());
            if (!Files.exists(logFile)) {
                Files.createFile(logFile);
            }
            handOver(socketDirectory, logFile);
            if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                Files.createDirectories(dataDirectory);
                handOver(dataDirectory);
                asServerUser(tool("initdb"), "-D", dataDirectory.toString(), "-U", "postgres", "-E", "UTF8",
                        "--no-locale", "--auth-local=trust", "--auth-host=scram-sha-256");
            }
        } catch (IOException e) {
            throw new StackException("Cannot prepare PostgreSQL's directories: " + e.getMessage(), e);
        }
        String options = "-p " + settings.postgresPort() + " -k " + socketDirectory + " -c listen_addresses=127.0.0.1"
                // Tests throw their data away: durability only costs time there.
                + (settings.testProfile() ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
        asServerUser(tool("pg_ctl"), "-D", dataDirectory.toString(), "-l", logFile.toString(), "-o", options,
                "-w", "-t", "60", "start");
    }

    @Override
    public void awaitReady() {
        Readiness.await(null, Duration.ofSeconds(60), () -> Commands.tryRun(
                List.of(tool("pg_isready"), "-h", socketDirectory.toString(), "-p", Integer.toString(settings.postgresPort())),
                null, 10).exitCode() == 0);
        createServiceDatabases();
    }

    @Override
    public void stop() {
        if (isRunning()) {
            asServerUser(tool("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        }
    }

    @Override
    public boolean isRunning() {
        return Files.exists(dataDirectory.resolve("PG_VERSION"))
                && Commands.tryRun(asServerUserCommand(tool("pg_ctl"), "-D", dataDirectory.toString(), "status"),
                        settings.dataDir(), 10).exitCode() == 0;
    }

    /**
     * One role and one database per service, idempotently. The role's password is its name: a
     * local stack only (the Helm chart takes credentials from Secrets).
     */
    private void createServiceDatabases() {
        for (String service : SERVICE_DATABASES) {
            if (query("SELECT 1 FROM pg_roles WHERE rolname = '" + service + "'").isEmpty()) {
                query("CREATE ROLE " + service + " LOGIN PASSWORD '" + service + "'");
            }
            if (query("SELECT 1 FROM pg_database WHERE datname = '" + service + "'").isEmpty()) {
                query("CREATE DATABASE " + service + " OWNER " + service);
            }
            // Every role may connect to every database by default; only the owner may here.
            query("REVOKE CONNECT, TEMPORARY ON DATABASE " + service + " FROM PUBLIC");
        }
    }

    private String query(String sql) {
        return Commands.run(List.of(tool("psql"), "-h", socketDirectory.toString(), "-p",
                Integer.toString(settings.postgresPort()), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                "-tAc", sql), null, 30);
    }

    private void asServerUser(String... command) {
        Commands.run(asServerUserCommand(command), settings.dataDir(), 120);
    }

    /** PostgreSQL's tools refuse to run as root; as root they run as the server's user. */
    private List<String> asServerUserCommand(String... command) {
        List<String> full = new ArrayList<>();
        if (Commands.runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", serverUser(), "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /** Gives the server's user the directories it writes to, when running as root. */
    private void handOver(Path... paths) {
        if (!Commands.runningAsRoot()) {
            return;
        }
        for (Path path : paths) {
            Commands.run(List.of("chown", "-R", serverUser(), path.toString()), null, 60);
        }
    }

    private String serverUser() {
        if (Commands.tryRun(List.of("id", "-u", "postgres"), null, 10).exitCode() == 0) {
            return "postgres";
        }
        if (Commands.tryRun(List.of("id", "-u", FALLBACK_OS_USER), null, 10).exitCode() != 0) {
            Commands.run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                    FALLBACK_OS_USER), null, 30);
        }
        return FALLBACK_OS_USER;
    }

    private String tool(String name) {
        return binaries().resolve(name).toString();
    }

    /** {@code EMBARGO_POSTGRES_BIN}, else the newest {@code /usr/lib/postgresql/<version>/bin}. */
    private Path binaries() {
        if (binaries == null) {
            String configured = System.getenv("EMBARGO_POSTGRES_BIN");
            binaries = configured != null && !configured.isBlank() ? Path.of(configured) : newestInstalled();
        }
        return binaries;
    }

    private static Path newestInstalled() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                return versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("postgres")))
                        .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))))
                        .orElseThrow(PostgresServer::notInstalled);
            } catch (IOException e) {
                throw new StackException("Cannot list " + root, e);
            }
        }
        throw notInstalled();
    }

    private static StackException notInstalled() {
        return new StackException("PostgreSQL server binaries are missing. Install Debian's 'postgresql' package "
                + "(./embargo does so when run as root) or set EMBARGO_POSTGRES_BIN to a directory holding initdb, pg_ctl and psql.");
    }
}
