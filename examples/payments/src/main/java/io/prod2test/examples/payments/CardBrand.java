package io.prod2test.examples.payments;

/**
 * The card scheme, told from the BIN (the leading digits of the number) by the published ranges.
 * A number in no known range is {@link #UNKNOWN} rather than rejected: new ranges appear, and the
 * Luhn check already catches typing errors.
 */
public enum CardBrand {
    VISA("visa"),
    MASTERCARD("mastercard"),
    AMERICAN_EXPRESS("amex"),
    JCB("jcb"),
    DINERS_CLUB("diners"),
    DISCOVER("discover"),
    UNIONPAY("unionpay"),
    UNKNOWN("unknown");

    private final String code;

    CardBrand(String code) {
        this.code = code;
    }

    /** The name in the API, e.g. {@code mastercard}. */
    public String code() {
        return code;
    }

    /** The brand with this API name. */
    public static CardBrand ofCode(String code) {
        for (CardBrand brand : values()) {
            if (brand.code.equals(code)) {
                return brand;
            }
        }
        throw new IllegalArgumentException("unknown card brand code '" + code + "'");
    }

    /**
     * The brand of a card number or BIN.
     *
     * @param digits at least the first four digits of the card number
     */
    public static CardBrand fromBin(String digits) {
        if (digits == null || digits.length() < 4 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a BIN must be at least 4 digits");
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int three = Integer.parseInt(digits.substring(0, 3));
        int four = Integer.parseInt(digits.substring(0, 4));
        if (digits.charAt(0) == '4') {
            return VISA;
        }
        if (between(two, 51, 55) || between(four, 2221, 2720)) {
            return MASTERCARD;
        }
        if (two == 34 || two == 37) {
            return AMERICAN_EXPRESS;
        }
        if (between(four, 3528, 3589)) {
            return JCB;
        }
        if (between(three, 300, 305) || four == 3095 || two == 36 || two == 38 || two == 39) {
            return DINERS_CLUB;
        }
        if (four == 6011 || between(three, 644, 649) || two == 65) {
            return DISCOVER;
        }
        if (two == 62 || two == 81) {
            return UNIONPAY;
        }
        return UNKNOWN;
    }

    private static boolean between(int value, int from, int to) {
        return value >= from && value <= to;
    }
}
