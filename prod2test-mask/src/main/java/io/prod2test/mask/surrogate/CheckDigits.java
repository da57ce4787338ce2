package io.prod2test.mask.surrogate;

/** The check-digit rules the surrogates must satisfy: Luhn, My Number, corporate number, IBAN. */
final class CheckDigits {
    private CheckDigits() {
    }

    /** The Luhn digit that makes {@code payload + digit} valid. */
    static int luhn(String payload) {
        int sum = 0;
        boolean doubleIt = true; // the check digit will be appended, so the last payload digit doubles
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean luhnValid(String digits) {
        if (digits.length() < 2 || !allDigits(digits)) {
            return false;
        }
        return luhn(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    /**
     * My Number: with P(n) the n-th of the 11 leading digits from the right and Q(n) = n + 1 for
     * n ≤ 6, n − 5 for n ≥ 7, r = Σ P(n)·Q(n) mod 11 gives 0 when r ≤ 1, else 11 − r.
     */
    static int myNumber(String first11) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = first11.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    static boolean myNumberValid(String digits) {
        return digits.length() == 12 && allDigits(digits) && myNumber(digits.substring(0, 11)) == digits.charAt(11) - '0';
    }

    /**
     * Corporate number: the leading check digit is 9 − (Σ P(n)·Q(n) mod 9) over the 12 following
     * digits, P(n) the n-th from the right, Q(n) = 1 for odd n and 2 for even n.
     */
    static int corporate(String last12) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int p = last12.charAt(12 - n) - '0';
            sum += p * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    static boolean corporateValid(String digits) {
        return digits.length() == 13 && allDigits(digits) && corporate(digits.substring(1)) == digits.charAt(0) - '0';
    }

    /** ISO 7064 mod 97-10 of an IBAN rearranged (BBAN, country, check), letters as 10..35; -1 if not alphanumeric. */
    static int ibanMod97(String countryCheckBban) {
        String rearranged = countryCheckBban.substring(4) + countryCheckBban.substring(0, 4);
        int mod = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (Chars.isAsciiDigit(c)) {
                mod = (mod * 10 + (c - '0')) % 97;
            } else if (Chars.isAsciiUpper(c)) {
                mod = (mod * 100 + (c - 'A' + 10)) % 97;
            } else {
                return -1;
            }
        }
        return mod;
    }

    /** The two IBAN check digits for a country and BBAN. */
    static String ibanCheck(String country, String bban) {
        int check = 98 - ibanMod97(country + "00" + bban);
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Chars.isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
