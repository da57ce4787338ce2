package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViewsTest {

    private static Payment payment(long amount, SupportedCurrency currency, String challengeId) {
        return new Payment("pay_0123456789abcdef", PaymentStatus.AUTHORIZED, new Money(amount, currency),
                Money.zero(currency), Money.zero(currency), "ord_1", null, "tok_1", CardBrand.VISA, "4242",
                challengeId, null, Instant.parse("2025-11-21T07:38:00Z"));
    }

    @Test
    void amountsAreWrittenInMajorUnitsWithTheCurrencysDecimals() {
        assertThat(PaymentsJson.write(Views.PaymentView.of(payment(4980, SupportedCurrency.JPY, null))))
                .contains("\"amount\":4980,", "\"captured\":0,", "\"refunded\":0,");
        assertThat(PaymentsJson.write(Views.PaymentView.of(payment(4980, SupportedCurrency.USD, null))))
                .contains("\"amount\":49.80,", "\"captured\":0.00,");
        assertThat(PaymentsJson.write(Views.PaymentView.of(payment(1_000_000, SupportedCurrency.JPY, null))))
                .contains("\"amount\":1000000,");
    }

    @Test
    void aPaymentHasTheReadmeShapeInOrder() {
        assertThat(PaymentsJson.write(Views.PaymentView.of(payment(4980, SupportedCurrency.JPY, "ch_0123456789abcdef"))))
                .isEqualTo("{\"id\":\"pay_0123456789abcdef\",\"status\":\"authorized\",\"amount\":4980,\"currency\":\"JPY\","
                        + "\"captured\":0,\"refunded\":0,\"orderRef\":\"ord_1\",\"card\":{\"brand\":\"visa\",\"last4\":\"4242\"},"
                        + "\"threeDSecure\":{\"challengeId\":\"ch_0123456789abcdef\"},\"createdAt\":\"2025-11-21T07:38:00.000Z\"}");
        assertThat(PaymentsJson.write(Views.PaymentView.of(payment(4980, SupportedCurrency.JPY, null)))).doesNotContain("threeDSecure");
    }

    @Test
    void declinesCarryTheirCodeAndNoField() {
        assertThat(PaymentsJson.write(ErrorBody.declined(DeclineCode.INSUFFICIENT_FUNDS)))
                .isEqualTo("{\"error\":\"card_declined\",\"message\":\"The card has insufficient funds.\",\"declineCode\":\"insufficient_funds\"}");
    }
}
