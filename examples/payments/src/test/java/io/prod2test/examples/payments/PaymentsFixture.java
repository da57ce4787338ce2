package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.prod2test.examples.support.EmbeddedDatabases;
import io.prod2test.examples.support.FaultSwitches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One embedded PostgreSQL and one payments service on it, plus a small HTTP client speaking the
 * API. An IT class starts one in {@code @BeforeAll} and closes it in {@code @AfterAll}.
 */
final class PaymentsFixture implements AutoCloseable {
    static final String VISA = "4242424242424242";
    static final String VISA_DO_NOT_HONOR = "4000000000000002";
    static final String VISA_INSUFFICIENT_FUNDS = "4000000000009995";
    static final String VISA_LOST_CARD = "4000000000009987";
    static final String VISA_INCORRECT_CVC = "4000000000000127";
    static final String VISA_PROCESSING_ERROR = "4000000000000119";
    static final String VISA_3DS_REQUIRED = "4000000000003220";
    static final String VISA_3DS_REQUIRED_2 = "4000002760003184";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final EmbeddedDatabases databases;
    private final String jdbcUrl;
    private final PaymentsService service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PaymentsFixture(EmbeddedDatabases databases, String jdbcUrl, PaymentsService service) {
        this.databases = databases;
        this.jdbcUrl = jdbcUrl;
        this.service = service;
    }

    /** Starts a database and a healthy service writing its log to {@code logFile} (may be null). */
    static PaymentsFixture start(Path logFile) {
        EmbeddedDatabases databases = EmbeddedDatabases.start(null);
        try {
            String url = databases.createDatabase("payments");
            PaymentsService service = PaymentsService.start(PaymentsConfig.of(url)
                    .withCredentials("postgres", null)
                    .withLogFile(logFile)
                    .withFaults(FaultSwitches.none()));
            return new PaymentsFixture(databases, url, service);
        } catch (RuntimeException e) {
            databases.close();
            throw e;
        }
    }

    PaymentsService service() {
        return service;
    }

    FaultSwitches faults() {
        return service.faults();
    }

    /** An HTTP answer: status, headers, raw body text and the parsed body. */
    record Response(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String text() {
            return raw.body();
        }

        String error() {
            return json.path("error").asText(null);
        }

        String field() {
            return json.path("field").asText(null);
        }

        String id() {
            return json.path("id").asText(null);
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    /** Posts {@code body}: a String is sent as is, anything else as JSON. */
    Response post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode node = response.body().isEmpty() ? MAPPER.missingNode() : MAPPER.readTree(response.body());
            return new Response(response.statusCode(), response, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return service.baseUrl().resolve(path);
    }

    static String json(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- API steps used by many tests -------------------------------------------------------

    static Map<String, Object> card(String number, int expMonth, int expYear) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("number", number);
        card.put("expMonth", expMonth);
        card.put("expYear", expYear);
        card.put("cvc", "123");
        card.put("holderName", "Taro Yamada");
        return card;
    }

    /** Tokenises a card valid until 12/2099. */
    String token(String number) {
        return token(number, 12, 2099);
    }

    String token(String number, int expMonth, int expYear) {
        Response r = post("/tokens", card(number, expMonth, expYear));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("token").asText();
    }

    static Map<String, Object> payment(String token, String amount, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("amount", new BigDecimal(amount));
        body.put("currency", currency);
        body.put("orderRef", "ord_" + UUID.randomUUID().toString().substring(0, 8));
        return body;
    }

    /** POST /payments with a fresh idempotency key. */
    Response authorise(String token, String amount, String currency) {
        return post("/payments", payment(token, amount, currency), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** An authorised Visa payment (below the 3-D Secure threshold), asserting it worked. */
    String authorised(String amount, String currency) {
        Response r = authorise(token(VISA), amount, currency);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("status").asText()).isEqualTo("authorized");
        return r.id();
    }

    Response capture(String paymentId, String amount, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (amount != null) {
            body.put("amount", new BigDecimal(amount));
        }
        body.put("currency", currency);
        return post("/payments/" + paymentId + "/capture", body);
    }

    /** An authorised and fully captured payment. */
    String captured(String amount, String currency) {
        String id = authorised(amount, currency);
        Response r = capture(id, null, currency);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return id;
    }

    Response refund(String paymentId, String amount, String currency) {
        return refund(paymentId, amount, currency, UUID.randomUUID().toString());
    }

    Response refund(String paymentId, String amount, String currency, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", new BigDecimal(amount));
        body.put("currency", currency);
        body.put("reason", "requested_by_customer");
        return post("/payments/" + paymentId + "/refunds", body, Map.of("Idempotency-Key", key));
    }

    JsonNode payment(String id) {
        Response r = get("/payments/" + id);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /** One number from the service's database, for checks the API cannot show. */
    long count(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            databases.close();
        }
    }
}
