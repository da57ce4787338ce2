package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.payments.PaymentsFixture.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokensIT {
    private static PaymentsFixture api;

    @BeforeAll
    static void start() {
        api = PaymentsFixture.start(null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "4242 4242 4242 4242, visa, 4242",
        "5555555555554444, mastercard, 4444",
        "2223003122003222, mastercard, 3222",
        "378282246310005, amex, 0005",
        "3566002020360505, jcb, 0505",
        "36227206271667, diners, 1667",
        "6011111111111117, discover, 1117",
        "6200000000000005, unionpay, 0005",
    })
    void aValidCardIsTokenisedWithBrandLastFourAndExpiry(String number, String brand, String last4) {
        Response r = api.post("/tokens", PaymentsFixture.card(number, 3, 2031));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("token").asText()).matches("tok_[0-9a-f]{24}");
        assertThat(r.json().get("brand").asText()).isEqualTo(brand);
        assertThat(r.json().get("last4").asText()).isEqualTo(last4);
        assertThat(r.json().get("expMonth").asInt()).isEqualTo(3);
        assertThat(r.json().get("expYear").asInt()).isEqualTo(2031);
        assertThat(r.json().size()).isEqualTo(5);
    }

    @Test
    void neitherTheNumberNorTheCvcIsStored() {
        String token = api.token("5555555555554444");
        assertThat(api.count("SELECT count(*) FROM card_tokens WHERE token = ? AND bin = '555555' AND last4 = '4444'", token))
                .isEqualTo(1);
        assertThat(api.count("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'public' AND (column_name LIKE '%number%' OR column_name LIKE '%cvc%' OR column_name LIKE '%pan%')"""))
                .isZero();
    }

    @Test
    void aNumberFailingTheLuhnCheckIsRejected() {
        Response r = api.post("/tokens", PaymentsFixture.card("4242424242424241", 3, 2031));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("invalid_card_number");
        assertThat(r.field()).isEqualTo("number");
    }

    @ParameterizedTest
    @CsvSource({"0", "13", "-1"})
    void anExpiryMonthOutsideOneToTwelveIsRejected(int month) {
        Response r = api.post("/tokens", PaymentsFixture.card("4242424242424242", month, 2031));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("invalid_expiry");
        assertThat(r.field()).isEqualTo("expMonth");
    }

    @Test
    void anExpiredCardCanStillBeTokenisedButNotUsed() {
        assertThat(api.token("4242424242424242", 1, 2020)).startsWith("tok_");
    }

    @Test
    void missingFieldsAndBrokenJsonAreReportedPrecisely() {
        Response missing = api.post("/tokens", Map.of("number", "4242424242424242", "expMonth", 1, "cvc", "123"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.error()).isEqualTo("missing_field");
        assertThat(missing.field()).isEqualTo("expYear");

        Response broken = api.post("/tokens", "{\"number\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.error()).isEqualTo("invalid_json");

        Response badCvc = api.post("/tokens", Map.of("number", "4242424242424242", "expMonth", 1, "expYear", 2031, "cvc", "12"));
        assertThat(badCvc.status()).isEqualTo(422);
        assertThat(badCvc.error()).isEqualTo("invalid_cvc");
    }

    @Test
    void healthAnswersAndUnknownRoutesAre404NotFound() {
        assertThat(api.get("/health").status()).isEqualTo(200);
        Response r = api.get("/nowhere");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).isEqualTo("not_found");
    }
}
