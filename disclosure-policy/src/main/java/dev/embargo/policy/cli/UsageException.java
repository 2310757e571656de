package dev.embargo.policy.cli;

/** A command line the policy command cannot run: exit status 2, the message and the usage. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
