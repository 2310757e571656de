package dev.embargo.localstack;

/** Something the stack could not do, said in words the person at the terminal can act on. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
