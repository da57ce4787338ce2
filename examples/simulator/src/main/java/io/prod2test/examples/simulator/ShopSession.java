package io.prod2test.examples.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One user's browser talking to the shop: its own {@link HttpClient} with its own cookie jar (the
 * shop's {@code sid} cookie is what makes the session), and the headers a proxy in front of the
 * shop would add ({@code x-forwarded-for}) and a browser sends ({@code user-agent},
 * {@code accept-language}). Every answer is
 * checked against the statuses the journey expects. Safe to use from two threads at once (the
 * concurrent-shipments journey does).
 */
final class ShopSession implements AutoCloseable {
    /** The JSON mapper of the simulator: amounts are read as and written from {@code BigDecimal}, never in exponent form. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int BODY_IN_MESSAGE = 300;

    /** An answer: its status and its JSON body ({@code null} when empty). */
    record Reply(int status, JsonNode body) {
        /** A text field of the body, or an {@link UnexpectedOutcome} naming the call when it is missing. */
        String text(String field, String call) {
            JsonNode value = body == null ? null : body.get(field);
            if (value == null || value.isNull() || value.asText().isEmpty()) {
                throw new UnexpectedOutcome(call + " answered " + status + " without \"" + field + "\": " + abbreviate(body));
            }
            return value.asText();
        }

        /** Checks that a refusal names the expected error code; the status alone could hide another rule's 422. */
        Reply withError(String code, String call) {
            String actual = body == null ? null : body.path("error").asText(null);
            if (!code.equals(actual)) {
                throw new UnexpectedOutcome(call + " answered " + status + " with error " + actual + ", expected " + code + ": "
                        + abbreviate(body));
            }
            return this;
        }
    }

    private final HttpClient http;
    private final URI base;
    private final Persona persona;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

    ShopSession(URI base, Persona persona) {
        this.base = base;
        this.persona = persona;
        this.http = HttpClient.newBuilder()
                // HTTP/1.1 like a browser on plain http: no h2c upgrade headers in the shop's log
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Reply get(String path, int... expected) {
        return send("GET", path, null, null, expected);
    }

    Reply post(String path, JsonNode body, int... expected) {
        return send("POST", path, body, null, expected);
    }

    Reply put(String path, JsonNode body, int... expected) {
        return send("PUT", path, body, null, expected);
    }

    Reply delete(String path, int... expected) {
        return send("DELETE", path, null, null, expected);
    }

    /**
     * Sends one request and checks its status.
     *
     * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null} for none
     * @throws UnexpectedOutcome for a status outside {@code expected} or a failed exchange
     */
    Reply send(String method, String path, JsonNode body, String idempotencyKey, int... expected) {
        String call = method + " " + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("user-agent", persona.userAgent())
                .header("x-forwarded-for", persona.clientIp())
                .header("accept", "application/json")
                .header("accept-language", persona.japanese() ? "ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7" : "en-US,en;q=0.9");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("content-type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        } else if (method.equals("GET")) {
            request.GET(); // no content-length: 0 on a GET, as browsers send it
        } else if (method.equals("DELETE")) {
            request.DELETE();
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnexpectedOutcome(call + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnexpectedOutcome(call + " interrupted", e);
        }
        requests.incrementAndGet();
        statuses.merge(response.statusCode(), 1, Integer::sum);
        JsonNode json = parse(response.body());
        if (Arrays.stream(expected).noneMatch(s -> s == response.statusCode())) {
            throw new UnexpectedOutcome(call + " answered " + response.statusCode() + ", expected "
                    + Arrays.toString(expected) + ": " + abbreviate(json == null ? null : json));
        }
        return new Reply(response.statusCode(), json);
    }

    /** Requests answered so far (a request that got no answer is not counted). */
    int requests() {
        return requests.get();
    }

    /** Answers so far per HTTP status. */
    Map<Integer, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text); // a non-JSON error page is still worth showing
        }
    }

    private static String abbreviate(JsonNode body) {
        String text = String.valueOf(body);
        return text.length() <= BODY_IN_MESSAGE ? text : text.substring(0, BODY_IN_MESSAGE) + "…";
    }

    @Override
    public void close() {
        http.close();
    }
}
