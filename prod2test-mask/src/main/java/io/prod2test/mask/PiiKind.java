package io.prod2test.mask;

/**
 * The kinds of personal or secret data prod2test finds and replaces. Each kind has its own
 * format-preserving surrogate, so a masked value still validates where the original did.
 */
public enum PiiKind {
    /** An e-mail address; surrogate: a valid address on a reserved domain. */
    EMAIL,
    /** A payment card number (PAN), 13–19 digits passing Luhn; surrogate: same brand and length, Luhn-valid. */
    CARD_NUMBER,
    /** A phone number; surrogate: a valid number of the same region and type. */
    PHONE,
    /** A Japanese individual number (My Number, 12 digits with check digit); surrogate keeps a valid check digit. */
    MY_NUMBER,
    /** A Japanese corporate number (13 digits with leading check digit); surrogate keeps a valid check digit. */
    CORPORATE_NUMBER,
    /** An IBAN; surrogate: same country and length, valid check digits. */
    IBAN,
    /** An IPv4 or IPv6 address; surrogate: an address in the documentation ranges. */
    IP_ADDRESS,
    /** A JSON Web Token; surrogate: a structurally valid JWT with keyed claims and signature. */
    JWT,
    /** A bearer token, API key, password or other secret; surrogate: a keyed token of the same shape. */
    SECRET,
    /** A Japanese postal code (NNN-NNNN) or another country's postal code in an address field. */
    POSTAL_CODE,
    /** A postal address; surrogate: a plausible address in the same script. */
    ADDRESS,
    /** A person's name in kanji, kana or latin script; surrogate: a plausible name in the same script. */
    PERSON_NAME,
    /** A date of birth; surrogate: moved by a keyed per-person offset that keeps the age band. */
    DATE_OF_BIRTH,
    /** An identifier that is a key (customer number ...); surrogate: bijective format-preserving encryption. */
    IDENTIFIER
}
