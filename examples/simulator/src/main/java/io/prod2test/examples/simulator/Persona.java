package io.prod2test.examples.simulator;

import java.time.LocalDate;

/**
 * A made-up shop user: the personal data the session types into the shop, and where the session
 * comes from. Everything is synthetic (see {@link PersonaGenerator}).
 *
 * <p>The fields are what the user <em>types</em>: a journey about a malformed e-mail or an
 * over-long name carries that value here.
 *
 * @param locale      {@code ja} or {@code en}, sent as the customer's locale
 * @param name        the full name; Japanese names family name first
 * @param nameKana    the katakana reading of a Japanese name, {@code null} for English personas
 * @param email       the e-mail address as typed at sign-up
 * @param phone       a Japanese mobile ({@code 090-1234-5678}) or a US number ({@code 212-555-0147}, sometimes with {@code +1})
 * @param postalCode  {@code 160-0023} in Japan, a ZIP code in the US
 * @param address     the address line(s) without the postal code
 * @param dateOfBirth the date of birth as typed
 * @param myNumber    a valid made-up My Number (used by the KYC journeys)
 * @param cardholderName the name as embossed on the persona's cards: Latin capitals, e.g. {@code SHOTA SATO}
 * @param clientIp    the address the session comes from (a documentation range, RFC 5737/3849)
 * @param userAgent   the browser's User-Agent header
 */
public record Persona(
        String locale,
        String name,
        String nameKana,
        String email,
        String phone,
        String postalCode,
        String address,
        LocalDate dateOfBirth,
        String myNumber,
        String cardholderName,
        String clientIp,
        String userAgent) {

    /** Whether the persona is a Japanese one (with a kana reading). */
    public boolean japanese() {
        return "ja".equals(locale);
    }

    Persona withName(String newName, String newKana) {
        return new Persona(locale, newName, newKana, email, phone, postalCode, address, dateOfBirth, myNumber, cardholderName, clientIp, userAgent);
    }

    Persona withEmail(String newEmail) {
        return new Persona(locale, name, nameKana, newEmail, phone, postalCode, address, dateOfBirth, myNumber, cardholderName, clientIp, userAgent);
    }

    Persona withAddress(String newAddress) {
        return new Persona(locale, name, nameKana, email, phone, postalCode, newAddress, dateOfBirth, myNumber, cardholderName, clientIp, userAgent);
    }

    /** The same person in another browser: a customer coming back from another device or network. */
    Persona withBrowser(String newClientIp, String newUserAgent) {
        return new Persona(locale, name, nameKana, email, phone, postalCode, address, dateOfBirth, myNumber, cardholderName, newClientIp, newUserAgent);
    }

    Persona withDateOfBirth(LocalDate newDateOfBirth) {
        return new Persona(locale, name, nameKana, email, phone, postalCode, address, newDateOfBirth, myNumber, cardholderName, clientIp, userAgent);
    }
}
