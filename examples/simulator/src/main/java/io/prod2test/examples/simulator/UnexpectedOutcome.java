package io.prod2test.examples.simulator;

/**
 * A session saw something its journey did not expect: a status outside the expected ones, a broken
 * connection, an answer without the field the next step needs. It ends that session (later steps
 * depend on the failed one) and is counted in the report; it never ends the run.
 */
final class UnexpectedOutcome extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnexpectedOutcome(String message) {
        super(message);
    }

    UnexpectedOutcome(String message, Throwable cause) {
        super(message, cause);
    }
}
