package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyAndCartTest {

    @Test
    void convertsBetweenMajorAndMinorUnits() {
        assertThat(ShopCurrency.JPY.toMinor(new BigDecimal("4980"))).isEqualByComparingTo("4980");
        assertThat(ShopCurrency.USD.toMinor(new BigDecimal("49.80"))).isEqualByComparingTo("4980");
        assertThat(ShopCurrency.JPY.toMajor(new BigDecimal("4980.000000")).toString()).isEqualTo("4980");
        assertThat(ShopCurrency.USD.toMajor(new BigDecimal("4980.000000")).toString()).isEqualTo("49.80");
        assertThat(ShopCurrency.USD.toMajor(BigDecimal.ZERO).toString()).isEqualTo("0.00");
    }

    @Test
    void keepsTheFractionAGiftCardWasGiven() {
        assertThat(ShopCurrency.JPY.toMajor(ShopCurrency.JPY.toMinor(new BigDecimal("4980.5"))).toString()).isEqualTo("4980.5");
        assertThat(ShopCurrency.USD.toMajor(ShopCurrency.USD.toMinor(new BigDecimal("49.805"))).toString()).isEqualTo("49.805");
    }

    @Test
    void answersInPlainDecimals() {
        assertThat(Json.write(ShopCurrency.JPY.toMajor(new BigDecimal("1E+6")))).isEqualTo("1000000");
        assertThat(Json.write(new BigDecimal("49.80"))).isEqualTo("49.80");
    }

    @Test
    void unsupportedCurrenciesAre422() {
        assertThatThrownBy(() -> ShopCurrency.parse("EUR", "currency")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("unsupported_currency");
            assertThat(e.field()).isEqualTo("currency");
        });
        assertThat(ShopCurrency.parse("USD", "currency")).isEqualTo(ShopCurrency.USD);
    }

    @Test
    void giftCardAmountsPassAsGivenButMustBeStorable() {
        assertThat(CartRoutes.giftCardAmount(ShopCurrency.JPY, new BigDecimal("4980.5"))).isEqualByComparingTo("4980.5");
        assertThat(CartRoutes.giftCardAmount(ShopCurrency.JPY, BigDecimal.ZERO)).isEqualByComparingTo("0");
        assertThat(CartRoutes.giftCardAmount(ShopCurrency.USD, new BigDecimal("10000.00"))).isEqualByComparingTo("1000000");
        assertThat(CartRoutes.giftCardAmount(ShopCurrency.JPY, new BigDecimal("1E+6")).scale()).isNotNegative();
        for (String bad : List.of("-1", "0.0000001", "1E+20")) {
            assertThatThrownBy(() -> CartRoutes.giftCardAmount(ShopCurrency.JPY, new BigDecimal(bad)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_amount"));
        }
        assertThatThrownBy(() -> CartRoutes.giftCardAmount(ShopCurrency.JPY, null)).hasMessageContaining("needs an amount");
    }

    @Test
    void theTotalIsQuantityTimesUnitPriceUnlessTheFaultIsOn() {
        Cart cart = new Cart("cart_0123456789ab", "cus_0123456789ab", "en-US", ShopCurrency.JPY, Cart.OPEN, List.of(
                new Cart.Line("MUG-HASAMI", "Hasami porcelain mug", "波佐見焼 マグカップ", 3, new BigDecimal("2200")),
                new Cart.Line("GIFT-CARD", "Gift card", "ギフトカード", 1, new BigDecimal("5000"))));
        FaultSwitches faults = FaultSwitches.none();
        assertThat(cart.total(faults)).isEqualByComparingTo("11600");
        assertThat(cart.view(faults).items().getFirst().name()).isEqualTo("Hasami porcelain mug");
        assertThat(cart.view(faults).items().getFirst().lineTotal()).isEqualByComparingTo("6600");

        faults.switchOn(Fault.CART_TOTAL_IGNORES_QUANTITY);
        assertThat(cart.total(faults)).isEqualByComparingTo("7200");
    }
}
