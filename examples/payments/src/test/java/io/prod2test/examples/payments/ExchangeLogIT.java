package io.prod2test.examples.payments;

import static io.prod2test.examples.payments.PaymentsFixture.VISA;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.examples.payments.PaymentsFixture.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeLogIT {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @TempDir
    static Path dir;
    private static Path logFile;
    private static PaymentsFixture api;

    @BeforeAll
    static void start() {
        logFile = dir.resolve("logs/payments.jsonl");
        api = PaymentsFixture.start(logFile);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static List<String> lines() throws IOException {
        return Files.readAllLines(logFile);
    }

    @Test
    void everyExchangeIsOneCanonicalLineWithTheIncomingTraceId() throws IOException {
        int before = lines().size();
        Response r = api.post("/tokens", PaymentsFixture.card(VISA, 12, 2099), Map.of("traceparent", TRACEPARENT,
                "x-forwarded-for", "203.0.113.7, 10.0.0.1"));
        assertThat(r.status()).isEqualTo(201);

        List<String> lines = lines();
        assertThat(lines).hasSize(before + 1);
        String line = lines.getLast();
        Exchange exchange = ExchangeJson.read(line, logFile.toString(), lines.size());
        assertThat(ExchangeJson.write(exchange)).isEqualTo(line);
        assertThat(exchange.service()).isEqualTo("payments");
        assertThat(exchange.method()).isEqualTo("POST");
        assertThat(exchange.path()).isEqualTo("/tokens");
        assertThat(exchange.status()).isEqualTo(201);
        assertThat(exchange.traceId()).isEqualTo(TRACE_ID);
        assertThat(exchange.clientIp()).isEqualTo("203.0.113.7");
        assertThat(exchange.requestHeaders()).containsEntry("traceparent", TRACEPARENT);
        assertThat(exchange.requestBody().get("holderName").asText()).isEqualTo("Taro Yamada");
        assertThat(exchange.responseBody().get("token").asText()).isEqualTo(r.json().get("token").asText());
        assertThat(exchange.durationMs()).isNotNull().isNotNegative();
    }

    @Test
    void errorsAndReplaysAreLoggedWithTheirStatusAndHeaders() throws IOException {
        int before = lines().size();
        Map<String, Object> body = PaymentsFixture.payment(api.token(VISA), "4980", "JPY");
        api.post("/payments", body, Map.of("Idempotency-Key", "log-replay"));
        api.post("/payments", body, Map.of("Idempotency-Key", "log-replay"));
        api.authorise(api.token(VISA), "0", "JPY");

        List<Exchange> exchanges = lines().stream().skip(before).map(l -> ExchangeJson.read(l, "log", 0)).toList();
        assertThat(exchanges).extracting(Exchange::path).containsExactly("/tokens", "/payments", "/payments", "/tokens", "/payments");
        assertThat(exchanges.get(2).responseHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(exchanges.get(2).responseBody()).isEqualTo(exchanges.get(1).responseBody());
        assertThat(exchanges.get(4).status()).isEqualTo(422);
        assertThat(exchanges.get(4).responseBody().get("error").asText()).isEqualTo("amount_too_small");
        assertThat(exchanges).allSatisfy(e -> assertThat(e.traceId()).matches("[0-9a-f]{32}"));
    }

    @Test
    void healthChecksAreNotLogged() throws IOException {
        int before = lines().size();
        assertThat(api.get("/health").status()).isEqualTo(200);
        assertThat(api.get("/payments/pay_0000000000000000").status()).isEqualTo(404);
        List<String> lines = lines();
        assertThat(lines).hasSize(before + 1);
        assertThat(lines.getLast()).contains("\"path\":\"/payments/pay_0000000000000000\"").doesNotContain("/health");
    }

    @Test
    void noCardNumberEverReachesTheDatabase() {
        api.token("5555555555554444");
        assertThat(api.count("SELECT count(*) FROM card_tokens WHERE bin || last4 = '5555554444'")).isPositive();
        assertThat(api.service().logFile()).isEqualTo(logFile);
    }
}
