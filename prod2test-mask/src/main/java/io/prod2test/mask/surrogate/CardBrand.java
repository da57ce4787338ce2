package io.prod2test.mask.surrogate;

import java.util.List;

/**
 * Card networks told apart by the leading digits (IIN/BIN ranges), as the sample payments service
 * and most processors do. A card surrogate keeps its input's brand, so brand-specific logic
 * (American Express's four-digit CVC, JCB routing) still sees the same network.
 */
public enum CardBrand {
    VISA(List.of(new Range(1, 4, 4))),
    MASTERCARD(List.of(new Range(2, 51, 55), new Range(4, 2221, 2720))),
    AMERICAN_EXPRESS(List.of(new Range(2, 34, 34), new Range(2, 37, 37))),
    JCB(List.of(new Range(4, 3528, 3589))),
    DINERS_CLUB(List.of(new Range(3, 300, 305), new Range(4, 3095, 3095), new Range(2, 36, 36), new Range(2, 38, 39))),
    DISCOVER(List.of(new Range(4, 6011, 6011), new Range(3, 644, 649), new Range(2, 65, 65))),
    UNIONPAY(List.of(new Range(2, 62, 62))),
    /** No range above matches; a surrogate then keeps the first digit (the industry identifier). */
    UNKNOWN(List.of());

    /** Prefixes of {@code length} digits from {@code low} to {@code high}. */
    record Range(int length, int low, int high) {
        boolean matches(String digits) {
            if (digits.length() < length) {
                return false;
            }
            int prefix = Integer.parseInt(digits, 0, length, 10);
            return prefix >= low && prefix <= high;
        }
    }

    private final List<Range> ranges;

    CardBrand(List<Range> ranges) {
        this.ranges = ranges;
    }

    List<Range> ranges() {
        return ranges;
    }

    /** The brand of a card number given as ASCII digits (separators already removed). */
    public static CardBrand of(String digits) {
        if (digits == null || !CheckDigits.allDigits(digits)) {
            return UNKNOWN;
        }
        for (CardBrand brand : values()) {
            for (Range range : brand.ranges) {
                if (range.matches(digits)) {
                    return brand;
                }
            }
        }
        return UNKNOWN;
    }
}
