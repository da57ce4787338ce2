package io.prod2test.examples.payments;

import static io.prod2test.examples.payments.PaymentsFixture.VISA;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.payments.PaymentsFixture.Response;
import io.prod2test.examples.support.Fault;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For every payments fault: the README's observation holds with all switches off and is violated
 * with only that switch on, on one running service whose switches change between the two checks.
 */
class FaultSwitchesIT {
    private static final Set<Fault> COVERED = EnumSet.noneOf(Fault.class);
    private static PaymentsFixture api;

    @BeforeAll
    static void start() {
        api = PaymentsFixture.start(null);
    }

    @AfterAll
    static void stop() {
        api.close();
        Set<Fault> payments = Arrays.stream(Fault.values()).filter(f -> f.service().equals("payments"))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Fault.class)));
        assertThat(COVERED).as("every payments fault has a test here").isEqualTo(payments);
    }

    @AfterEach
    void healthyAgain() {
        api.faults().set(List.of());
    }

    private static void healthy() {
        api.faults().set(List.of());
    }

    private static void only(Fault fault) {
        COVERED.add(fault);
        api.faults().set(List.of(fault));
    }

    @Test
    void refundAboveCapturedIsRejectedUnlessTheFaultIsOn() {
        healthy();
        Response healthy = api.refund(api.captured("1000", "JPY"), "1500", "JPY");
        assertThat(healthy.status()).isEqualTo(422);
        assertThat(healthy.error()).isEqualTo("refund_exceeds_captured");

        only(Fault.REFUND_EXCEEDS_CAPTURED);
        String id = api.captured("1000", "JPY");
        Response faulty = api.refund(id, "1500", "JPY");
        assertThat(faulty.status()).isEqualTo(201);
        assertThat(api.payment(id).get("refunded").asLong()).isEqualTo(1500);
    }

    @Test
    void aRetriedAuthorisationReturnsTheSamePaymentUnlessTheFaultIsOn() {
        healthy();
        Map<String, Object> body = PaymentsFixture.payment(api.token(VISA), "4980", "JPY");
        Map<String, Object> other = new HashMap<>(body);
        other.put("amount", 5000);
        Map<String, String> key = Map.of("Idempotency-Key", "fault-idem-healthy");
        assertThat(api.post("/payments", body, key).id()).isEqualTo(api.post("/payments", body, key).id());
        assertThat(api.post("/payments", other, key).status()).isEqualTo(409);

        only(Fault.IDEMPOTENCY_IGNORED);
        Map<String, String> faultyKey = Map.of("Idempotency-Key", "fault-idem-faulty");
        assertThat(api.post("/payments", body, faultyKey).id()).isNotEqualTo(api.post("/payments", body, faultyKey).id());
        assertThat(api.post("/payments", other, faultyKey).status()).isEqualTo(201);
    }

    @Test
    void aFractionalYenAmountIsRejectedUnlessTheFaultIsOn() {
        String token = api.token(VISA);
        healthy();
        Response healthy = api.authorise(token, "4980.5", "JPY");
        assertThat(healthy.status()).isEqualTo(422);
        assertThat(healthy.error()).isEqualTo("invalid_amount");

        only(Fault.JPY_ROUNDED);
        Response faulty = api.authorise(token, "4980.5", "JPY");
        assertThat(faulty.status()).isEqualTo(201);
        assertThat(faulty.json().get("amount").asLong()).isEqualTo(4981);
    }

    @Test
    void paymentsAtTheThresholdOrWith3dsCardsNeedAChallengeUnlessTheFaultIsOn() {
        String visa = api.token(VISA);
        String threeDs = api.token(PaymentsFixture.VISA_3DS_REQUIRED);
        healthy();
        assertThat(api.authorise(visa, "30000", "JPY").json().get("status").asText()).isEqualTo("requires_action");
        assertThat(api.authorise(threeDs, "100", "JPY").json().get("status").asText()).isEqualTo("requires_action");

        only(Fault.THREE_DS_SKIPPED);
        assertThat(api.authorise(visa, "30000", "JPY").json().get("status").asText()).isEqualTo("authorized");
        assertThat(api.authorise(threeDs, "100", "JPY").json().get("status").asText()).isEqualTo("authorized");
    }

    @Test
    void insufficientFundsIsReportedAsSuchUnlessTheFaultIsOn() {
        String token = api.token(PaymentsFixture.VISA_INSUFFICIENT_FUNDS);
        healthy();
        assertThat(api.authorise(token, "4980", "JPY").json().get("declineCode").asText()).isEqualTo("insufficient_funds");

        only(Fault.WRONG_DECLINE_CODE);
        Response faulty = api.authorise(token, "4980", "JPY");
        assertThat(faulty.status()).isEqualTo(402);
        assertThat(faulty.json().get("declineCode").asText()).isEqualTo("do_not_honor");
    }

    @Test
    void aDeclineIs402Never500UnlessTheFaultIsOn() {
        String token = api.token(PaymentsFixture.VISA_DO_NOT_HONOR);
        healthy();
        assertThat(api.authorise(token, "4980", "JPY").status()).isEqualTo(402);

        only(Fault.DECLINE_AS_500);
        Response faulty = api.authorise(token, "4980", "JPY");
        assertThat(faulty.status()).isEqualTo(500);
        assertThat(faulty.error()).isEqualTo("internal_error");
        assertThat(api.authorise(api.token(VISA), "4980", "JPY").status()).as("approvals still work").isEqualTo(201);
    }

    @Test
    void anExpiredCardIsDeclinedUnlessTheFaultIsOn() {
        String token = api.token(VISA, 1, 2020);
        healthy();
        Response healthy = api.authorise(token, "4980", "JPY");
        assertThat(healthy.status()).isEqualTo(402);
        assertThat(healthy.json().get("declineCode").asText()).isEqualTo("expired_card");

        only(Fault.EXPIRED_CARD_ACCEPTED);
        Response faulty = api.authorise(token, "4980", "JPY");
        assertThat(faulty.status()).isEqualTo(201);
        assertThat(faulty.json().get("status").asText()).isEqualTo("authorized");
    }

    @Test
    void aCaptureOrRefundInAnotherCurrencyIsRejectedUnlessTheFaultIsOn() {
        healthy();
        assertThat(api.capture(api.authorised("1000", "JPY"), null, "USD").error()).isEqualTo("currency_mismatch");
        assertThat(api.refund(api.captured("1000", "JPY"), "1", "USD").error()).isEqualTo("currency_mismatch");

        only(Fault.CURRENCY_MISMATCH_ACCEPTED);
        assertThat(api.capture(api.authorised("1000", "JPY"), null, "USD").status()).isEqualTo(200);
        assertThat(api.refund(api.captured("1000", "JPY"), "1", "USD").status()).isEqualTo(201);
    }

    @Test
    void twoPartialCapturesAddUpUnlessTheFaultIsOn() {
        healthy();
        String id = api.authorised("1000", "JPY");
        api.capture(id, "300", "JPY");
        api.capture(id, "200", "JPY");
        assertThat(api.payment(id).get("captured").asLong()).isEqualTo(500);

        only(Fault.PARTIAL_CAPTURE_OVERWRITES);
        String faulty = api.authorised("1000", "JPY");
        api.capture(faulty, "300", "JPY");
        api.capture(faulty, "200", "JPY");
        assertThat(api.payment(faulty).get("captured").asLong()).isEqualTo(200);
    }
}
