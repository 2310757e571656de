package dev.embargo.benchmarks;

import dev.embargo.localstack.LocalStack;
import dev.embargo.localstack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time each running service's process has used so far (user and system, as the kernel
 * counts it in {@code /proc/<pid>/stat}): two readings around a phase give what its work cost,
 * whatever else runs on a shared machine, where wall time would measure the neighbours too.
 */
final class ServiceCpu {

    private final Map<String, Duration> usedByService;

    private ServiceCpu(Map<String, Duration> usedByService) {
        this.usedByService = usedByService;
    }

    /** The services of the local stack that run now, each with the CPU time it has used. */
    static ServiceCpu readNow() {
        LocalStack stack = LocalStack.create(StackSettings.fromEnvironment());
        Map<String, Duration> used = new LinkedHashMap<>();
        for (String name : StackSettings.ALL_SERVICES) {
            stack.service(name)
                    .pid()
                    .ifPresent(
                            pid ->
                                    ProcessHandle.of(pid)
                                            .flatMap(process -> process.info().totalCpuDuration())
                                            .ifPresent(cpu -> used.put(name, cpu)));
        }
        return new ServiceCpu(used);
    }

    /** CPU milliseconds each service used between {@code earlier} and this reading. */
    Map<String, Double> millisSince(ServiceCpu earlier) {
        Map<String, Double> millis = new LinkedHashMap<>();
        usedByService.forEach(
                (service, cpu) -> {
                    Duration before = earlier.usedByService.get(service);
                    if (before != null) {
                        millis.put(service, cpu.minus(before).toNanos() / 1e6);
                    }
                });
        return millis;
    }

    /** The machine's load average over the last minute, to read next to CPU figures. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
