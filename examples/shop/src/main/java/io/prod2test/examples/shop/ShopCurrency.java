package io.prod2test.examples.shop;

import java.math.BigDecimal;

/** The currencies the catalogue is priced in, with how many decimals their major unit has. */
enum ShopCurrency {
    JPY(0),
    USD(2);

    private final int decimals;

    ShopCurrency(int decimals) {
        this.decimals = decimals;
    }

    /** The currency of a JSON field, or 422 {@code unsupported_currency}. */
    static ShopCurrency parse(String code, String field) {
        if (code != null) {
            for (ShopCurrency c : values()) {
                if (c.name().equals(code)) {
                    return c;
                }
            }
        }
        throw ApiException.invalid("unsupported_currency", field, "currency must be JPY or USD, was " + code);
    }

    int decimals() {
        return decimals;
    }

    /** Major units (JSON) to minor units (database); a fractional minor unit is kept, not rounded. */
    BigDecimal toMinor(BigDecimal major) {
        return major.movePointRight(decimals);
    }

    /**
     * Minor units to major units shown with the currency's decimals ({@code 4980}, {@code 49.80}),
     * keeping any finer digits a gift card amount was given with.
     */
    BigDecimal toMajor(BigDecimal minor) {
        BigDecimal major = minor.movePointLeft(decimals).stripTrailingZeros();
        return major.scale() < decimals ? major.setScale(decimals) : major;
    }
}
