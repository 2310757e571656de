package dev.embargo.notify.service;

import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.notify.domain.ProgramContact;
import dev.embargo.notify.repository.ProgramContactRepository;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.Program;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;

/**
 * Whom to tell when a program's deadline is about to be missed, or a reporter escalates: the
 * contacts (and escalation contacts) of its revision in force, kept from {@code
 * program.policy.published}. An older or repeated revision changes nothing.
 */
@ApplicationScoped
public class ProgramContacts {

    private final ProgramContactRepository contacts;
    private final ProgramFiles files = new ProgramFiles();

    ProgramContacts(ProgramContactRepository contacts) {
        this.contacts = contacts;
    }

    /** Applies a published revision; called inside the consumer's transaction. */
    public Uni<Void> apply(ProgramPolicyPublished published) {
        return contacts.findById(published.slug())
                .chain(
                        current -> {
                            if (current != null && current.revision >= published.revision()) {
                                return Uni.createFrom().voidItem();
                            }
                            Program program =
                                    files.readPublished(
                                            published.document(),
                                            published.slug() + "@" + published.revision());
                            ProgramContact contact =
                                    current != null ? current : new ProgramContact();
                            contact.programSlug = published.slug();
                            contact.revision = published.revision();
                            contact.programName = program.name();
                            contact.setAddresses(emailsOf(program.contacts()));
                            DisclosurePolicy.Escalation escalation = program.policy().escalation();
                            contact.setEscalationAddresses(
                                    escalation == null
                                            ? List.of()
                                            : emailsOf(escalation.contacts()));
                            return current != null
                                    ? Uni.createFrom().voidItem()
                                    : contacts.persist(contact).replaceWithVoid();
                        });
    }

    private static List<String> emailsOf(List<Program.Contact> contacts) {
        return contacts.stream().map(Program.Contact::email).filter(Objects::nonNull).toList();
    }

    /**
     * Every program's contacts by slug: what the email dispatcher signs and addresses replies with.
     */
    public Uni<java.util.Map<String, ProgramContact>> bySlug() {
        return contacts.listAll()
                .map(
                        all ->
                                all.stream()
                                        .collect(
                                                java.util.stream.Collectors.toMap(
                                                        contact -> contact.programSlug,
                                                        contact -> contact)));
    }

    /** The program's team as notify knows it; null until its revision reaches notify. */
    public Uni<ProgramContact> find(String programSlug) {
        return contacts.findById(programSlug);
    }
}
