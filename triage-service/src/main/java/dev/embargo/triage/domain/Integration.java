package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A script or tool's access: a Keycloak confidential client whose service account holds staff roles
 * and program groups. Its secret lives only in Keycloak; a revoked integration's row stays so that
 * tokens issued before its revocation are refused.
 */
@Entity
@Table(name = "integration")
public class Integration {

    @Id public UUID id;

    public String name;

    /** The Keycloak client's {@code clientId}, {@code integration-<name>}. */
    @Column(name = "client_id")
    public String clientId;

    /** The Keycloak client's internal ID, which the admin API addresses it by. */
    @Column(name = "keycloak_id")
    public String keycloakId;

    /** Realm roles, space-separated. */
    public String roles;

    /** Program slugs, space-separated. */
    public String programs;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "secret_rotated_at")
    public OffsetDateTime secretRotatedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public List<String> roleList() {
        return split(roles);
    }

    public List<String> programList() {
        return split(programs);
    }

    public static String joined(Collection<String> values) {
        return String.join(" ", values);
    }

    private static List<String> split(String values) {
        return Arrays.stream(values.split(" ")).filter(value -> !value.isEmpty()).toList();
    }
}
