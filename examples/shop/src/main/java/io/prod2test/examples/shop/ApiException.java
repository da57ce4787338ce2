package io.prod2test.examples.shop;

/**
 * An answer other than success, in the error shape of both sample APIs:
 * {@code {"error": code, "message": ..., "field": ...}} ({@code field} only for validation errors).
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ApiException notFound(String what, String id) {
        return new ApiException(404, "not_found", what + " " + id + " does not exist", null);
    }

    /** 422: a JSON field breaks a rule; the message states the rule. */
    static ApiException invalid(String code, String field, String rule) {
        return new ApiException(422, code, rule, field);
    }

    static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message, null);
    }

    static ApiException paymentsUnavailable(String message) {
        return new ApiException(502, "payments_unavailable", message, null);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }

    ErrorBody body() {
        return new ErrorBody(code, getMessage(), field);
    }
}
