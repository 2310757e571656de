package dev.embargo.localstack;

import java.util.OptionalLong;

/**
 * A component that is one long-running process the stack started: stopping it and asking whether it
 * runs are the same for all of them; starting it and knowing it is ready are not.
 */
abstract class ProcessComponent implements Component {

    protected final StackSettings settings;
    protected final ManagedProcess process;

    protected ProcessComponent(String name, StackSettings settings) {
        this.settings = settings;
        this.process = new ManagedProcess(name, settings);
    }

    @Override
    public String name() {
        return process.name();
    }

    /**
     * Graceful: SIGTERM, then SIGKILL for whatever of the process tree is still there after the
     * grace period.
     */
    @Override
    public void stop() {
        process.stop();
    }

    /** Whether the process its pid file names is alive. */
    @Override
    public boolean isRunning() {
        return process.isRunning();
    }

    @Override
    public OptionalLong pid() {
        return process.handle()
                .map(handle -> OptionalLong.of(handle.pid()))
                .orElse(OptionalLong.empty());
    }
}
