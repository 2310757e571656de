package dev.embargo.advisory.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The revision in force of a program, kept from {@code program.policy.published}. */
@Entity
@Table(name = "program_view")
public class ProgramView {

    @Id public String slug;

    public int revision;

    public String name;

    /** The program file as JSON ({@code embargo.dev/program/v1}). */
    public String document;
}
