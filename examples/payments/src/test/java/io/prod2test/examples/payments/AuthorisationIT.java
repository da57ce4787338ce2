package io.prod2test.examples.payments;

import static io.prod2test.examples.payments.PaymentsFixture.VISA;
import static io.prod2test.examples.payments.PaymentsFixture.VISA_3DS_REQUIRED;
import static io.prod2test.examples.payments.PaymentsFixture.VISA_3DS_REQUIRED_2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.examples.payments.PaymentsFixture.Response;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorisationIT {
    private static PaymentsFixture api;

    @BeforeAll
    static void start() {
        api = PaymentsFixture.start(null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aPaymentBelowTheThresholdIsAuthorisedAtOnce() {
        Map<String, Object> body = PaymentsFixture.payment(api.token(VISA), "4980", "JPY");
        Response r = api.post("/payments", body, Map.of("Idempotency-Key", "auth-ok-1"));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(p.get("id").asText()).matches("pay_[0-9a-f]{16}");
        assertThat(p.get("status").asText()).isEqualTo("authorized");
        assertThat(r.text()).contains("\"amount\":4980,", "\"captured\":0,", "\"refunded\":0,");
        assertThat(p.get("currency").asText()).isEqualTo("JPY");
        assertThat(p.get("orderRef").asText()).isEqualTo(body.get("orderRef"));
        assertThat(p.get("card").get("brand").asText()).isEqualTo("visa");
        assertThat(p.get("card").get("last4").asText()).isEqualTo("4242");
        assertThat(p.has("threeDSecure")).isFalse();
        assertThat(p.get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(api.payment(p.get("id").asText())).isEqualTo(p);
    }

    @Test
    void dollarAmountsKeepTwoDecimals() {
        Response r = api.authorise(api.token(VISA), "49.8", "USD");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text()).contains("\"amount\":49.80,", "\"captured\":0.00,");
        assertThat(api.get("/payments/" + r.id()).text()).contains("\"amount\":49.80,");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"30000, JPY", "300.00, USD", "300, EUR", "1000000, JPY"})
    void aPaymentAtOrAboveTheThresholdNeedsA3dsChallenge(String amount, String currency) {
        Response r = api.authorise(api.token(VISA), amount, currency);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("status").asText()).isEqualTo("requires_action");
        assertThat(r.json().get("threeDSecure").get("challengeId").asText()).matches("ch_[0-9a-f]{16}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"29999, JPY", "299.99, USD"})
    void justBelowTheThresholdNoChallengeIsAsked(String amount, String currency) {
        Response r = api.authorise(api.token(VISA), amount, currency);
        assertThat(r.json().get("status").asText()).isEqualTo("authorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {VISA_3DS_REQUIRED, VISA_3DS_REQUIRED_2})
    void threeDSecureTestCardsAreChallengedWhateverTheAmount(String number) {
        Response r = api.authorise(api.token(number), "100", "JPY");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("status").asText()).isEqualTo("requires_action");
    }

    @Test
    void theRightOtpAuthorisesTheChallengedPayment() {
        Response challenged = api.authorise(api.token(VISA_3DS_REQUIRED), "100", "JPY");
        String challengeId = challenged.json().get("threeDSecure").get("challengeId").asText();

        Response r = api.post("/payments/" + challenged.id() + "/3ds/confirm", Map.of("challengeId", challengeId, "otp", "123456"));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("authorized");
        assertThat(api.payment(challenged.id()).get("status").asText()).isEqualTo("authorized");
        Response again = api.post("/payments/" + challenged.id() + "/3ds/confirm", Map.of("challengeId", challengeId, "otp", "123456"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aWrongOtpFailsThePayment() {
        Response challenged = api.authorise(api.token(VISA), "50000", "JPY");
        String challengeId = challenged.json().get("threeDSecure").get("challengeId").asText();

        Response r = api.post("/payments/" + challenged.id() + "/3ds/confirm", Map.of("challengeId", challengeId, "otp", "000000"));

        assertThat(r.status()).isEqualTo(402);
        assertThat(r.error()).isEqualTo("authentication_failed");
        assertThat(api.payment(challenged.id()).get("status").asText()).isEqualTo("failed");
        assertThat(api.capture(challenged.id(), null, "JPY").error()).isEqualTo("payment_not_capturable");
    }

    @Test
    void anotherPaymentsChallengeIsNotAccepted() {
        Response challenged = api.authorise(api.token(VISA), "50000", "JPY");
        Response r = api.post("/payments/" + challenged.id() + "/3ds/confirm", Map.of("challengeId", "ch_0000000000000000", "otp", "123456"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("invalid_challenge");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "4000000000000002, do_not_honor",
        "4000000000009995, insufficient_funds",
        "4000000000009987, lost_card",
        "4000000000000127, incorrect_cvc",
        "4000000000000119, processing_error",
    })
    void decliningCardsAre402WithTheirDeclineCodeAndAFailedPayment(String number, String declineCode) {
        Map<String, Object> body = PaymentsFixture.payment(api.token(number), "4980", "JPY");
        Response r = api.post("/payments", body, Map.of("Idempotency-Key", "decline-" + number));

        assertThat(r.status()).isEqualTo(402);
        assertThat(r.error()).isEqualTo("card_declined");
        assertThat(r.json().get("declineCode").asText()).isEqualTo(declineCode);
        assertThat(api.count("SELECT count(*) FROM payments WHERE order_ref = ? AND status = 'failed' AND decline_code = ?",
                body.get("orderRef"), declineCode)).isEqualTo(1);
    }

    @Test
    void anExpiredCardIsDeclined() {
        Response r = api.authorise(api.token(VISA, 1, 2020), "4980", "JPY");
        assertThat(r.status()).isEqualTo(402);
        assertThat(r.json().get("declineCode").asText()).isEqualTo("expired_card");
    }

    @Test
    void aCardExpiringThisMonthIsStillGood() {
        var now = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        Response r = api.authorise(api.token(VISA, now.getMonthValue(), now.getYear()), "4980", "JPY");
        assertThat(r.status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "0, JPY, amount_too_small",
        "0.00, USD, amount_too_small",
        "-5, JPY, amount_too_small",
        "1000001, JPY, amount_too_large",
        "10000.01, USD, amount_too_large",
        "10000.01, EUR, amount_too_large",
        "4980.5, JPY, invalid_amount",
        "49.801, USD, invalid_amount",
    })
    void amountsBreakingTheRulesAre422(String amount, String currency, String error) {
        Response r = api.authorise(api.token(VISA), amount, currency);
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.error()).isEqualTo(error);
        assertThat(r.field()).isEqualTo("amount");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"1000000, JPY", "10000.00, USD", "10000, EUR", "1, JPY", "0.01, USD"})
    void exactlyAtTheLimitsIsAllowed(String amount, String currency) {
        Response r = api.authorise(api.token(VISA), amount, currency);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal(amount));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GBP", "jpy", "XXX"})
    void anUnsupportedCurrencyIs422(String currency) {
        Response r = api.authorise(api.token(VISA), "100", currency);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("unsupported_currency");
        assertThat(r.field()).isEqualTo("currency");
    }

    @Test
    void anUnknownTokenOrAMissingFieldIs422() {
        Response unknown = api.authorise("tok_000000000000000000000000", "100", "JPY");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.error()).isEqualTo("invalid_token");

        Response missing = api.post("/payments", Map.of("token", api.token(VISA), "amount", 100, "currency", "JPY"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.error()).isEqualTo("missing_field");
        assertThat(missing.field()).isEqualTo("orderRef");

        Response stringAmount = api.post("/payments", Map.of("token", api.token(VISA), "amount", "100", "currency", "JPY", "orderRef", "o"));
        assertThat(stringAmount.error()).isEqualTo("invalid_amount");
    }

    @Test
    void anUnknownPaymentIs404() {
        for (Response r : new Response[] {
            api.get("/payments/pay_0000000000000000"),
            api.get("/payments/pay_0000000000000000/refunds"),
            api.capture("pay_0000000000000000", null, "JPY"),
            api.refund("pay_0000000000000000", "1", "JPY"),
            api.post("/payments/pay_0000000000000000/3ds/confirm", Map.of("challengeId", "ch_0000000000000000", "otp", "123456")),
        }) {
            assertThat(r.status()).as(r.text()).isEqualTo(404);
            assertThat(r.error()).isEqualTo("not_found");
        }
    }
}
