package dev.embargo.policy.ssvc;

/** An SSVC input a decision table cannot decide from, naming the decision point at fault. */
public class InvalidSsvcInputException extends IllegalArgumentException {

    private final String decisionPoint;

    public InvalidSsvcInputException(String decisionPoint, String message) {
        super(decisionPoint + ": " + message);
        this.decisionPoint = decisionPoint;
    }

    public String decisionPoint() {
        return decisionPoint;
    }
}
