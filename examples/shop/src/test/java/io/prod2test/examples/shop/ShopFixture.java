package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.examples.payments.PaymentsConfig;
import io.prod2test.examples.payments.PaymentsService;
import io.prod2test.examples.support.EmbeddedDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL with the databases {@code shop} and {@code payments}, the real payments
 * service and the shop on it, each writing its exchange log, plus a small client speaking the shop
 * API. An IT class starts one in {@code @BeforeAll} and closes it in {@code @AfterAll}.
 */
final class ShopFixture implements AutoCloseable {
    static final String VISA = "4242424242424242";
    static final String VISA_INSUFFICIENT_FUNDS = "4000000000009995";
    static final String VISA_3DS_REQUIRED = "4000000000003220";
    static final String PASSING_OTP = "123456";

    /** Keeps numbers as written: 49.80 stays 49.80, so tests can check the currency's decimals. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final EmbeddedDatabases databases;
    private final PaymentsService payments;
    private final ShopService shop;
    private final Path shopLog;
    private final Path paymentsLog;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private ShopFixture(EmbeddedDatabases databases, PaymentsService payments, ShopService shop, Path shopLog, Path paymentsLog) {
        this.databases = databases;
        this.payments = payments;
        this.shop = shop;
        this.shopLog = shopLog;
        this.paymentsLog = paymentsLog;
    }

    static ShopFixture start() {
        EmbeddedDatabases databases = EmbeddedDatabases.start(null);
        PaymentsService payments = null;
        try {
            Path logs = Files.createTempDirectory("shop-it-logs");
            Path shopLog = logs.resolve("shop.jsonl");
            Path paymentsLog = logs.resolve("payments.jsonl");
            payments = PaymentsService.start(PaymentsConfig.of(databases.createDatabase("payments")).withLogFile(paymentsLog));
            ShopService shop = ShopService.start(ShopConfig.of(databases.createDatabase("shop"), payments.baseUrl())
                    .withLogFile(shopLog));
            return new ShopFixture(databases, payments, shop, shopLog, paymentsLog);
        } catch (IOException | RuntimeException e) {
            if (payments != null) {
                payments.close();
            }
            databases.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    ShopService shop() {
        return shop;
    }

    PaymentsService payments() {
        return payments;
    }

    EmbeddedDatabases databases() {
        return databases;
    }

    /** An answer: status, JSON body (an empty object when there is none) and headers. */
    record Reply(int status, JsonNode body, HttpHeaders headers) {
        String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        String error() {
            return text("error");
        }
    }

    Reply get(String path) {
        return send(URI.create(shop.baseUrl() + path), "GET", null, Map.of());
    }

    Reply post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Reply post(String path, Object body, Map<String, String> headers) {
        return send(URI.create(shop.baseUrl() + path), "POST", body, headers);
    }

    Reply put(String path, Object body) {
        return send(URI.create(shop.baseUrl() + path), "PUT", body, Map.of());
    }

    Reply delete(String path) {
        return send(URI.create(shop.baseUrl() + path), "DELETE", null, Map.of());
    }

    /** Asks payments directly, to check what the shop made it do. */
    Reply payment(String paymentId) {
        return send(URI.create(payments.baseUrl() + "/payments/" + paymentId), "GET", null, Map.of());
    }

    Reply send(URI uri, String method, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : MAPPER.writeValueAsString(body);
                request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = response.body().isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), json, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the steps most tests need -------------------------------------------------------------

    /** A unique synthetic e-mail address. */
    static String email(String who) {
        return who + "." + SEQUENCE.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static ObjectNode customerBody(String email) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("email", email);
        body.put("name", "山田 太郎");
        body.put("nameKana", "ヤマダ タロウ");
        body.put("phone", "+81 90-0000-1234");
        body.put("postalCode", "100-0001");
        body.put("address", "東京都千代田区千代田1-1 サンプルビル101");
        body.put("dateOfBirth", "1985-07-07");
        body.put("locale", "ja-JP");
        return body;
    }

    String newCustomer() {
        Reply reply = post("/customers", customerBody(email("taro")));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.text("id");
    }

    static ObjectNode cardBody(String number) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("number", number);
        body.put("expMonth", 12);
        body.put("expYear", 2031);
        body.put("cvc", "123");
        body.put("holderName", "TARO YAMADA");
        return body;
    }

    String addCard(String customerId, String number) {
        Reply reply = post("/customers/" + customerId + "/cards", cardBody(number));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.text("id");
    }

    String newCart(String customerId, String currency) {
        Reply reply = post("/carts", Map.of("customerId", customerId, "currency", currency));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.text("id");
    }

    Reply addItem(String cartId, String sku, int quantity) {
        return post("/carts/" + cartId + "/items", Map.of("sku", sku, "quantity", quantity));
    }

    Reply addGiftCard(String cartId, Object amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", "GIFT-CARD");
        body.put("quantity", 1);
        body.put("amount", amount);
        return post("/carts/" + cartId + "/items", body);
    }

    Reply checkout(String cartId, String cardId, String key) {
        return post("/carts/" + cartId + "/checkout", Map.of("cardId", cardId), Map.of("Idempotency-Key", key));
    }

    /** A paid JPY order of {@code quantity} mugs (2,200 yen each) for the customer. */
    JsonNode paidOrder(String customerId, String cardId, int quantity) {
        String cart = newCart(customerId, "JPY");
        assertThat(addItem(cart, "MUG-HASAMI", quantity).status()).isEqualTo(200);
        Reply reply = checkout(cart, cardId, UUID.randomUUID().toString());
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.text("status")).isEqualTo("paid");
        return reply.body();
    }

    // ---- the logs ------------------------------------------------------------------------------

    List<JsonNode> shopLog() {
        return read(shopLog);
    }

    List<JsonNode> paymentsLog() {
        return read(paymentsLog);
    }

    private static List<JsonNode> read(Path file) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(MAPPER.readTree(line));
                }
            }
            return lines;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log line is not JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteLogs() {
        try {
            Files.deleteIfExists(shopLog);
            Files.deleteIfExists(paymentsLog);
            Files.deleteIfExists(shopLog.getParent());
        } catch (IOException e) {
            // a leftover temporary file is not worth failing a test run for
        }
    }

    @Override
    public void close() {
        try {
            shop.close();
        } finally {
            try {
                payments.close();
            } finally {
                databases.close();
                deleteLogs();
            }
        }
    }
}
