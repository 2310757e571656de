package dev.embargo.benchmarks;

/**
 * The local stack's ports: the EMBARGO_*_PORT variables ./embargo reads, or the defaults of
 * ./embargo up.
 */
final class StackPorts {

    private StackPorts() {}

    static String port(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The address of a service on this machine. */
    static String url(String variable, String fallback) {
        return "http://127.0.0.1:" + port(variable, fallback);
    }
}
