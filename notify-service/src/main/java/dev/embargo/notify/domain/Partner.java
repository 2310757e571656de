package dev.embargo.notify.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A downstream vendor, distribution or operator told about vulnerabilities under embargo. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id public UUID id;

    public String name;

    /** The partner's contact address, sealed: told when an endpoint is disabled. */
    @Column(name = "sealed_contact")
    public String sealedContact;

    /** Partner group ids, comma-separated (a program's partnerGroups, e.g. downstream-brokers). */
    public String groups;

    /** Program slugs the partner follows, comma-separated. */
    public String programs;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public List<String> groupList() {
        return split(groups);
    }

    public List<String> programList() {
        return split(programs);
    }

    /** Whether a pre-advisory of {@code program} for {@code partnerGroups} is for this partner. */
    public boolean receives(String program, List<String> partnerGroups) {
        return programList().contains(program)
                && groupList().stream().anyMatch(partnerGroups::contains);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
