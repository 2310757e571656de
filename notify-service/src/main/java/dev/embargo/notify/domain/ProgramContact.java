package dev.embargo.notify.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses of a program's security team and of its escalation contacts, from its revision in
 * force (public in its SECURITY.md).
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

    /** The policy's escalation contacts ({@code policy.escalation.contacts}) with an address. */
    @Column(name = "escalation_emails")
    public String escalationEmails;

    public List<String> addresses() {
        return split(emails);
    }

    public void setAddresses(List<String> addresses) {
        emails = String.join(SEPARATOR, addresses);
    }

    public List<String> escalationAddresses() {
        return split(escalationEmails);
    }

    public void setEscalationAddresses(List<String> addresses) {
        escalationEmails = String.join(SEPARATOR, addresses);
    }

    private static List<String> split(String lines) {
        return lines == null || lines.isBlank() ? List.of() : Arrays.asList(lines.split(SEPARATOR));
    }
}
