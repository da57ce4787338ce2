package io.prod2test.examples.payments;

/**
 * An answer other than success that a handler decides on: the HTTP status and the error body of
 * the API conventions ({@code {"error", "message", "field"?}}). Thrown inside a transaction, it
 * also rolls the transaction back, so a rejected request leaves nothing behind.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ErrorBody body;

    public ApiException(int status, ErrorBody body) {
        super(body.error() + ": " + body.message());
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status of an error must be 400-599, was " + status);
        }
        this.status = status;
        this.body = body;
    }

    /** 422 for a request that breaks a rule about one field. */
    public static ApiException validation(String error, String field, String message) {
        return new ApiException(422, new ErrorBody(error, message, field, null));
    }

    /** 404 {@code not_found}. */
    public static ApiException notFound(String message) {
        return new ApiException(404, new ErrorBody("not_found", message, null, null));
    }

    /** 409 for a request that does not fit the resource's current state. */
    public static ApiException conflict(String error, String message) {
        return new ApiException(409, new ErrorBody(error, message, null, null));
    }

    /** 400 for a body that is not a JSON object. */
    public static ApiException badRequest(String error, String message) {
        return new ApiException(400, new ErrorBody(error, message, null, null));
    }

    public int status() {
        return status;
    }

    public ErrorBody body() {
        return body;
    }

    /** The error code, e.g. {@code invalid_amount}. */
    public String error() {
        return body.error();
    }

    /** The JSON field the error is about, or {@code null}. */
    public String field() {
        return body.field();
    }
}
