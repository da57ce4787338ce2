package io.prod2test.examples.payments;

/**
 * An answer as it goes on the wire: status and JSON text. Kept as text because an idempotent
 * replay must send back the stored answer byte for byte.
 *
 * @param status   the HTTP status
 * @param body     the JSON body
 * @param replayed whether this is a stored answer sent again for a repeated idempotency key
 */
record HttpReply(int status, String body, boolean replayed) {

    HttpReply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599, was " + status);
        }
        if (body == null) {
            throw new IllegalArgumentException("body is required");
        }
    }

    static HttpReply json(int status, Object value) {
        return new HttpReply(status, PaymentsJson.write(value), false);
    }

    HttpReply asReplay() {
        return new HttpReply(status, body, true);
    }
}
