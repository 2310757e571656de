package dev.embargo.localstack;

import java.util.List;

/**
 * One database and one login role per service, each database owned by its role and closed to every
 * other role, so no service can reach another's data. The role's password is its name: a local
 * stack only (an installation gets credentials from its secrets).
 */
final class ServiceDatabases {

    private ServiceDatabases() {}

    /** A psql script that creates what is missing and changes nothing else: safe on every start. */
    static String bootstrapScript(List<String> services) {
        StringBuilder script = new StringBuilder("\\set ON_ERROR_STOP on\n");
        for (String service : services) {
            script.append(
                    """
                    SELECT 'CREATE ROLE %1$s LOGIN PASSWORD ''%1$s''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') \\gexec
                    SELECT 'CREATE DATABASE %1$s OWNER %1$s' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '%1$s') \\gexec
                    REVOKE CONNECT, TEMPORARY ON DATABASE %1$s FROM PUBLIC;
                    """
                            .formatted(service));
        }
        return script.toString();
    }
}
