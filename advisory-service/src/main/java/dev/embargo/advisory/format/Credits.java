package dev.embargo.advisory.format;

/** Credit roles in the words CSAF acknowledgments and CVE credits use. */
final class Credits {

    private Credits() {}

    /**
     * The CVE credit type of a role ({@code finder}, {@code reporter}, {@code analyst}, {@code
     * coordinator}, {@code remediation developer}, else {@code other}).
     */
    static String role(String role) {
        return switch (role == null ? "" : role) {
            case "finder", "reporter", "analyst", "coordinator" -> role;
            case "remediation-developer" -> "remediation developer";
            default -> "other";
        };
    }
}
