package dev.embargo.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The machine a run measured: the figures only compare with runs on a machine like it. The load
 * average (one minute) at the start and the end of the run says how much of it other processes
 * took; NaN where the system does not tell.
 */
public record Machine(
        int cores,
        long memoryBytes,
        String cpuModel,
        String jdk,
        double loadAtStart,
        double loadAtEnd) {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    /**
     * This machine at the end of a run that started when the load average was {@code loadAtStart}.
     */
    public static Machine current(double loadAtStart) {
        long memory =
                ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize();
        String jdk = "JDK " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                memory,
                readCpuModel(),
                jdk,
                loadAtStart,
                loadAverage());
    }

    /** The one-minute load average now (the JDK's, which Linux reads from /proc/loadavg). */
    public static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }

    /**
     * One line, e.g. "2 cores, 23.4 GiB, AMD EPYC 7B13, JDK 25.0.1+8-LTS (Eclipse Adoptium), load
     * average 15.6 at the start, 18.2 at the end".
     */
    public String describe() {
        String machine =
                "%d cores, %.1f GiB, %s, %s"
                        .formatted(cores, memoryBytes / (double) (1L << 30), cpuModel, jdk);
        if (Double.isNaN(loadAtStart) || Double.isNaN(loadAtEnd)) {
            return machine + ", load average unknown";
        }
        return machine
                + ", load average %.1f at the start, %.1f at the end"
                        .formatted(loadAtStart, loadAtEnd);
    }

    /** Linux names the model in /proc/cpuinfo; elsewhere only the architecture is known. */
    private static String readCpuModel() {
        String architecture = System.getProperty("os.arch");
        try (Stream<String> lines = Files.lines(CPU_INFO)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(architecture);
        } catch (IOException notLinux) {
            return architecture;
        }
    }
}
