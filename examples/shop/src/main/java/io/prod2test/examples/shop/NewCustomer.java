package io.prod2test.examples.shop;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A sign-up as the shop accepts it. The constructor enforces the rules every stored customer
 * meets (422 naming the field); {@link #parse} adds the rules that depend on the request: the age
 * on today's date and the e-mail's spelling.
 */
record NewCustomer(String email, String name, String nameKana, String phone, String postalCode, String address,
                   LocalDate dateOfBirth, String locale) {
    static final int MAX_NAME = 200;
    static final int MAX_ADDRESS = 500;
    static final int ADULT_AGE = 18;
    static final LocalDate OLDEST = LocalDate.of(1900, 1, 1);

    private static final Pattern KANA = Pattern.compile("[\\p{IsKatakana}\\p{IsHiragana}ー・ 　]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 ()-]*[0-9]");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z -]{1,9}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}([-_][A-Za-z]{2})?");

    NewCustomer {
        if (!Emails.isValid(email)) {
            throw ApiException.invalid("invalid_email", "email", "email must be an address like name@example.com, at most "
                    + Emails.MAX_LENGTH + " characters");
        }
        if (name == null || name.isBlank() || length(name) > MAX_NAME) {
            throw ApiException.invalid("invalid_name", "name", "name must be 1 to " + MAX_NAME + " characters and not blank");
        }
        if (nameKana != null && (length(nameKana) > MAX_NAME || !KANA.matcher(nameKana).matches())) {
            throw ApiException.invalid("invalid_name_kana", "nameKana",
                    "nameKana must be katakana or hiragana, at most " + MAX_NAME + " characters");
        }
        if (phone == null || !PHONE.matcher(phone).matches() || !between(digits(phone), 7, 15)) {
            throw ApiException.invalid("invalid_phone", "phone", "phone must be 7 to 15 digits, optionally with +, spaces, - and ()");
        }
        if (postalCode == null || !POSTAL_CODE.matcher(postalCode).matches()) {
            throw ApiException.invalid("invalid_postal_code", "postalCode", "postalCode must be 2 to 10 letters, digits, spaces or -");
        }
        if (address == null || address.isBlank() || length(address) > MAX_ADDRESS) {
            throw ApiException.invalid("invalid_address", "address", "address must be 1 to " + MAX_ADDRESS + " characters and not blank");
        }
        if (dateOfBirth == null || dateOfBirth.isBefore(OLDEST)) {
            throw ApiException.invalid("invalid_date_of_birth", "dateOfBirth", "dateOfBirth must be a date YYYY-MM-DD from 1900 on");
        }
        if (locale == null || !LOCALE.matcher(locale).matches()) {
            throw ApiException.invalid("invalid_locale", "locale", "locale must be a language tag like ja-JP or en-US");
        }
    }

    /**
     * Reads and checks a {@code POST /customers} body.
     *
     * @param today          the shop's date, for the future and under-18 rules
     * @param normaliseEmail whether to store the e-mail trimmed and lower-cased (off only under the
     *                       {@code email-not-normalised} fault)
     */
    static NewCustomer parse(JsonBody body, LocalDate today, boolean normaliseEmail) {
        String email = body.text("email", "invalid_email");
        if (email != null && normaliseEmail) {
            email = Emails.normalise(email);
        }
        String name = body.text("name", "invalid_name");
        NewCustomer customer = new NewCustomer(email, name == null ? null : name.strip(),
                body.text("nameKana", "invalid_name_kana"),
                body.text("phone", "invalid_phone"),
                body.text("postalCode", "invalid_postal_code"),
                body.text("address", "invalid_address"),
                date(body.text("dateOfBirth", "invalid_date_of_birth")),
                body.text("locale", "invalid_locale"));
        if (customer.dateOfBirth().isAfter(today)) {
            throw ApiException.invalid("invalid_date_of_birth", "dateOfBirth", "dateOfBirth must not be in the future");
        }
        if (customer.dateOfBirth().plusYears(ADULT_AGE).isAfter(today)) {
            throw ApiException.invalid("under_age", "dateOfBirth",
                    "dateOfBirth must be at least " + ADULT_AGE + " years ago: customers must be adults");
        }
        return customer;
    }

    /** Whether the customer reads Japanese, which decides the language of product names shown. */
    static boolean readsJapanese(String locale) {
        return locale != null && locale.startsWith("ja");
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("invalid_date_of_birth", "dateOfBirth", "dateOfBirth must be a date YYYY-MM-DD from 1900 on");
        }
    }

    // Characters as people count them (and as PostgreSQL's char_length does): an emoji is one.
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static int digits(String s) {
        return (int) s.chars().filter(Character::isDigit).count();
    }

    private static boolean between(int value, int min, int max) {
        return value >= min && value <= max;
    }
}
