package dev.embargo.localstack;

/**
 * A component that is one long-running process the stack started: stopping it and asking
 * whether it runs are the same for all of them; starting it and knowing it is ready are not.
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

    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public boolean isRunning() {
        return process.isRunning();
    }
}
