package io.prod2test.examples.shop;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A catalogue entry. Prices are minor units; the gift card has none, each gift card line carries its
 * own amount.
 */
record Product(String sku, String nameEn, String nameJa, Long priceJpy, Long priceUsd, boolean giftCard) {
    static final String GIFT_CARD = "GIFT-CARD";

    BigDecimal priceMinor(ShopCurrency currency) {
        Long minor = switch (currency) {
            case JPY -> priceJpy;
            case USD -> priceUsd;
        };
        if (minor == null) {
            throw new IllegalStateException(sku + " has no fixed price");
        }
        return BigDecimal.valueOf(minor);
    }

    String name(String locale) {
        return NewCustomer.readsJapanese(locale) ? nameJa : nameEn;
    }

    /** What {@code GET /products} shows: both names, and prices in major units by currency. */
    View view() {
        Map<String, BigDecimal> prices = null;
        if (!giftCard) {
            prices = new LinkedHashMap<>();
            for (ShopCurrency c : ShopCurrency.values()) {
                prices.put(c.name(), c.toMajor(priceMinor(c)));
            }
        }
        return new View(sku, nameEn, nameJa, giftCard, prices);
    }

    record View(String sku, String nameEn, String nameJa, boolean giftCard, Map<String, BigDecimal> prices) {
    }
}
