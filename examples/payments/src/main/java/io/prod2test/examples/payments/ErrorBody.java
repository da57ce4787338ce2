package io.prod2test.examples.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The JSON body of every error answer.
 *
 * @param error       the machine-readable code, e.g. {@code card_declined}
 * @param message     a sentence for people
 * @param field       the JSON field a validation error is about, else {@code null}
 * @param declineCode why the issuer declined, only for {@code card_declined}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String field, String declineCode) {

    public ErrorBody {
        Objects.requireNonNull(error, "error is required");
        Objects.requireNonNull(message, "message is required");
    }

    /** 402 body of a declined authorisation. */
    public static ErrorBody declined(DeclineCode code) {
        return new ErrorBody("card_declined", code.message(), null, code.code());
    }
}
