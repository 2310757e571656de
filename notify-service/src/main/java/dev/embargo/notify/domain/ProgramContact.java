package dev.embargo.notify.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses of a program's security team, from its revision in force (public in its
 * SECURITY.md).
 */
@Entity
@Table(name = "program_contact")
public class ProgramContact {

    /** One address per line. */
    private static final String SEPARATOR = "\n";

    @Id
    @Column(name = "program_slug")
    public String programSlug;

    public int revision;

    /** The program's name, as its emails are signed. */
    @Column(name = "program_name")
    public String programName;

    public String emails;

    public List<String> addresses() {
        return emails == null || emails.isBlank()
                ? List.of()
                : Arrays.asList(emails.split(SEPARATOR));
    }

    public void setAddresses(List<String> addresses) {
        emails = String.join(SEPARATOR, addresses);
    }
}
