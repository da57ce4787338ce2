package io.prod2test.examples.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.examples.support.TraceContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The shop's side of the payments API. Every call carries the caller's trace (same trace id, a new
 * span id) so the two services' logs join up. Not answering in time is
 * {@code 502 payments_unavailable}; what payments answers is returned for the caller to judge.
 */
final class PaymentsClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI baseUrl;

    PaymentsClient(URI baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** {@code POST /tokens} with the card fields exactly as the customer sent them. */
    Answer tokenise(TraceContext trace, ObjectNode card) {
        return post(trace, "/tokens", card, null);
    }

    Answer authorise(TraceContext trace, String idempotencyKey, String token, BigDecimal amount, ShopCurrency currency,
                     String orderRef, String description) {
        ObjectNode body = Json.object();
        body.put("token", token);
        body.put("amount", amount);
        body.put("currency", currency.name());
        body.put("orderRef", orderRef);
        body.put("description", description);
        return post(trace, "/payments", body, idempotencyKey);
    }

    Answer confirm3ds(TraceContext trace, String paymentId, String challengeId, String otp) {
        ObjectNode body = Json.object();
        body.put("challengeId", challengeId);
        body.put("otp", otp);
        return post(trace, "/payments/" + segment(paymentId) + "/3ds/confirm", body, null);
    }

    /** Captures {@code amount}, or everything still authorised when it is {@code null}. */
    Answer capture(TraceContext trace, String paymentId, BigDecimal amount, ShopCurrency currency) {
        ObjectNode body = Json.object();
        if (amount != null) {
            body.put("amount", amount);
        }
        body.put("currency", currency.name());
        return post(trace, "/payments/" + segment(paymentId) + "/capture", body, null);
    }

    Answer refund(TraceContext trace, String idempotencyKey, String paymentId, BigDecimal amount, ShopCurrency currency,
                  String reason) {
        ObjectNode body = Json.object();
        body.put("amount", amount);
        body.put("currency", currency.name());
        if (reason != null) {
            body.put("reason", reason);
        }
        return post(trace, "/payments/" + segment(paymentId) + "/refunds", body, idempotencyKey);
    }

    Answer payment(TraceContext trace, String paymentId) {
        return send(trace, request("/payments/" + segment(paymentId)).GET());
    }

    private Answer post(TraceContext trace, String path, JsonNode body, String idempotencyKey) {
        HttpRequest.Builder request = request(path)
                .header("content-type", Json.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(trace, request);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(REQUEST_TIMEOUT).header("accept", Json.CONTENT_TYPE);
    }

    private Answer send(TraceContext trace, HttpRequest.Builder request) {
        request.header(TraceContext.HEADER, trace.childHeader());
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ApiException.paymentsUnavailable("payments did not answer " + built.method() + " " + built.uri().getPath()
                    + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.paymentsUnavailable("interrupted while waiting for payments");
        }
        return new Answer(built.method() + " " + built.uri().getPath(), response.statusCode(), parse(response.body()));
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        try {
            return Json.read(text);
        } catch (JsonProcessingException e) {
            return Json.MAPPER.getNodeFactory().textNode(text);
        }
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /**
     * What payments answered.
     *
     * @param call the request, for error messages
     */
    record Answer(String call, int status, JsonNode body) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /**
         * A refusal the client can act on (bad card, decline, amount rule, key reuse): passed on
         * to the shop's client as payments gave it.
         */
        boolean isRefusal() {
            return status == 400 || status == 402 || status == 409 || status == 422;
        }

        /** Passes the refusal on unchanged, or answers 502 for anything else payments should not have said. */
        RuntimeException failure(String orderId) {
            if (isRefusal()) {
                ObjectNode passed = body.isObject() ? ((ObjectNode) body).deepCopy() : Json.object().put("error", "payments_error");
                if (orderId != null) {
                    passed.put("orderId", orderId);
                }
                return new PaymentsRefusal(status, passed);
            }
            return ApiException.paymentsUnavailable("payments answered " + status + " to " + call);
        }

        String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    /** Payments refused the request; the shop answers its client with payments' status and body. */
    static final class PaymentsRefusal extends RuntimeException {
        private final int status;
        private final transient ObjectNode body;

        PaymentsRefusal(int status, ObjectNode body) {
            super("payments answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        int status() {
            return status;
        }

        ObjectNode body() {
            return body;
        }
    }
}
