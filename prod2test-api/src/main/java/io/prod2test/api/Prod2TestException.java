package io.prod2test.api;

import java.util.Objects;

/**
 * The one unchecked exception that every prod2test failure ends up as.
 *
 * <p>Its message is written for the user: it says what went wrong and, for bad input, where
 * (file, line, field). The {@link ErrorCode} decides the exit code; the cause is only shown with
 * {@code --debug}.
 */
public class Prod2TestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public Prod2TestException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public Prod2TestException(ErrorCode code, String message, Throwable cause) {
        super(requireMessage(message), cause);
        this.code = Objects.requireNonNull(code, "code must not be null");
    }

    public ErrorCode code() {
        return code;
    }

    /**
     * A bad-input error naming where the input is wrong, so that a user can open the file at the
     * line and fix the field. {@code line} is 1-based; 0 or less means "the whole file".
     */
    public static Prod2TestException invalidInput(String file, long line, String field, String problem) {
        StringBuilder where = new StringBuilder(file == null ? "<input>" : file);
        if (line > 0) {
            where.append(':').append(line);
        }
        if (field != null && !field.isBlank()) {
            where.append(": field '").append(field).append('\'');
        }
        return new Prod2TestException(ErrorCode.INVALID_INPUT, where + ": " + problem);
    }

    private static String requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a Prod2TestException needs a message a user can act on");
        }
        return message;
    }
}
