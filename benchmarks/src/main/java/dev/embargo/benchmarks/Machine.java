package dev.embargo.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The machine a run measured: the figures only compare with runs on a machine like it. */
public record Machine(int cores, long memoryBytes, String cpuModel, String jdk) {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    public static Machine current() {
        long memory =
                ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize();
        String jdk = "JDK " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, readCpuModel(), jdk);
    }

    /** One line, e.g. "2 cores, 23.4 GiB, AMD EPYC 7B13, JDK 25.0.1+8-LTS (Eclipse Adoptium)". */
    public String describe() {
        return "%d cores, %.1f GiB, %s, %s"
                .formatted(cores, memoryBytes / (double) (1L << 30), cpuModel, jdk);
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
