package dev.embargo.intake.service;

/** A file as a reporter sent it, by upload or email: the name they gave it and its bytes. */
public record IncomingFile(String name, byte[] content) {}
