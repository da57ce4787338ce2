package io.prod2test.mask.surrogate;

import java.nio.charset.StandardCharsets;

/**
 * The versioned recipe that turns a masking key and a value into a surrogate. A scheme never
 * changes once released: test assets masked today must mask the same way after an upgrade, or
 * joins between old and new assets break. A change to any output needs a new scheme.
 *
 * <h2>V1, exactly</h2>
 * Every keyed choice starts from
 * <pre>  D = HMAC-SHA256(key, UTF-8("prod2test/v1/" + purpose + "/" + normalised))</pre>
 * with {@code key} the {@link MaskingKey}'s bytes. When a surrogate needs more than 32 bytes, block
 * {@code i ≥ 1} of the stream is {@code HMAC-SHA256(key, message || 0x00 || uint32_be(i))}, the
 * stream is read byte by byte, and a number below {@code bound} is drawn by rejection: one byte
 * for bounds up to 256, two (big-endian) up to 65,536, four above, a draw at or above the largest
 * multiple of {@code bound} is thrown away. Purposes and normalisations:
 * <table>
 *   <caption>V1 purposes</caption>
 *   <tr><th>purpose</th><th>normalised value</th></tr>
 *   <tr><td>{@code email}</td><td>trimmed, lower case (ROOT locale)</td></tr>
 *   <tr><td>{@code card}</td><td>the ASCII digits (full-width folded), separators dropped</td></tr>
 *   <tr><td>{@code phone}</td><td>E.164 when parseable, else {@code +}? and the digits</td></tr>
 *   <tr><td>{@code my-number}, {@code corporate-number}</td><td>the ASCII digits</td></tr>
 *   <tr><td>{@code iban}</td><td>letters and digits, upper case</td></tr>
 *   <tr><td>{@code ip}</td><td>canonical text: dotted decimal, RFC 5952 for IPv6 (anything else: as given)</td></tr>
 *   <tr><td>{@code jwt-signature}, {@code jwt-claim}</td><td>the token / {@code claim-name=value}</td></tr>
 *   <tr><td>{@code secret}</td><td>the trimmed text as is (case matters)</td></tr>
 *   <tr><td>{@code postal-code}</td><td>NFKC, letters and digits, upper case</td></tr>
 *   <tr><td>{@code address}, {@code person-name}</td><td>NFKC, whitespace runs to one space, trimmed, lower case</td></tr>
 *   <tr><td>{@code dob-offset}</td><td>{@code person:} + person key, or {@code date:} + ISO date</td></tr>
 *   <tr><td>{@code identifier-key}</td><td>(empty) — the 32 bytes are the FF1 AES-256 key; FF1's tweak is
 *       the identifier's kept prefix in UTF-8</td></tr>
 *   <tr><td>{@code identifier-table}</td><td>{@code radix/length/hex(tweak)} — Sattolo shuffles of domains below 10^6</td></tr>
 * </table>
 * The name and address tables under {@code surrogate/} belong to V1 as well: they are read in file
 * order and must never be edited (add V2 tables instead).
 *
 * <h2>Recognisability marks (part of V1)</h2>
 * Surrogates are format-valid on purpose, so the detectors find them too. So that a scan can tell a
 * masked value from one that slipped through <em>without the key</em>
 * ({@link SurrogateFormats#isSurrogate}), part of every surrogate is derived from the rest of it
 * with a public, unkeyed function:
 * <pre>  M(purpose, context) = uint64_be(SHA-256(UTF-8("prod2test/mark/" + purpose + "/" + context))[0..8))</pre>
 * reduced modulo what it picks from. Marks are computed from the surrogate's own keyed part, never
 * from the input, so they reveal nothing about it; the price is that a raw value carries a mark by
 * chance, and a scan then takes it for a surrogate ("false recognition"). The rates below were
 * measured on 10,000 random valid raw values per form ({@code SurrogateMarkTest}, which holds them
 * under the bounds in brackets). A later scheme must keep these marks, so that one scan reads
 * assets of every scheme.
 * <table>
 *   <caption>V1 marks and false recognition</caption>
 *   <tr><th>kind</th><th>the mark</th><th>false recognition</th></tr>
 *   <tr><td>e-mail</td><td>{@code u} + 16 base32 at a reserved domain; the 16th character is
 *       {@code BASE32[M("email", "u" + the 15 before) mod 32]}</td><td>0 for addresses at real
 *       domains; 2.9% of addresses already shaped like a surrogate [5%]</td></tr>
 *   <tr><td>card number</td><td>the 3 digits before the Luhn digit (2 for 8–14 digits) are
 *       {@code M("card", the digits before them) mod 10^w}</td><td>0.09% from 15 digits [0.3%],
 *       1.1% for 13–14 digits [2%]</td></tr>
 *   <tr><td>phone</td><td>with 8+ digits, the last 2 are {@code M("phone", the 6 before them) mod 100}
 *       (the end of the national number, so any notation reads alike; validity does not depend on
 *       them)</td><td>1.1% [1.5%]</td></tr>
 *   <tr><td>My Number</td><td>digits 10–11 are {@code M("my-number", digits 1–9) mod 100}, then the
 *       check digit</td><td>0.8% [1.5%]</td></tr>
 *   <tr><td>corporate number</td><td>the last 2 digits are {@code M("corporate-number", the 10 before
 *       them) mod 100}; the leading check digit covers them</td><td>1.0% [1.5%]</td></tr>
 *   <tr><td>IBAN</td><td>the BBAN's last 2 digit positions are {@code M("iban", country + the other
 *       BBAN characters) mod 100} (BBANs with 3+ digits), then the check digits</td><td>1.0% [1.5%]</td></tr>
 *   <tr><td>IP address</td><td>none needed: the documentation ranges</td><td>0 (the ranges route
 *       nowhere) [0.1%]</td></tr>
 *   <tr><td>JWT</td><td>the signature's last 2 bytes are the first 2 of {@code M("jwt", header + "." +
 *       payload + "." + base64url(the other signature bytes))} (signatures of 4+ bytes)</td><td>0
 *       measured, 1/65,536 by construction [0.1%]</td></tr>
 *   <tr><td>secret</td><td>the tail mark {@code "secret"} on the body after scheme and known prefix:
 *       the fewest last letters and digits (at most 4) worth 100+ values together, each the next
 *       mixed-radix digit of {@code M("secret", the body before them)} in its class (hex stays
 *       hex)</td><td>0.5% [1.5%]</td></tr>
 *   <tr><td>postal code</td><td>Japanese: the last 2 digits are {@code M("postal-code", the first 5)
 *       mod 100}; others: the tail mark {@code "postal-code"}</td><td>0.9% Japanese, 0.5% others
 *       [1.5%]</td></tr>
 *   <tr><td>address</td><td>Japanese with block numbers: each number after the first (a lone one
 *       too) is {@code 1 + M("address-block", city + district + "/" + the numbers before it) mod 30}
 *       (999 for a lone banchi); without: the (city, district) pair's index in the area table is a
 *       multiple of 8. Latin with a street segment: its first number from {@code M("address-number",
 *       the segment's words)}; without: the city's index in the city table is a multiple of 8</td>
 *       <td>0.09% with 3 block numbers [0.5%], 3.3% with 2 [4.5%], 12.9% for a bare city and district
 *       of the table [15%]; 0.06% Latin with a street number [1.5%], 12.7% for a bare city of the
 *       table [15%]; 0 for places outside the tables</td></tr>
 *   <tr><td>person name</td><td>the table indexes of the name's parts add up to a multiple of 16
 *       (the last part is drawn to make it so); initials, particles and scripts without a table
 *       (scrambled) take no part</td><td>5.9–6.7% for names made of table entries [7.5%], 0 for
 *       others</td></tr>
 *   <tr><td>date of birth</td><td>the nearest <em>marked day</em> to the keyed target: one day in
 *       each block of 32 epoch days, day {@code 32b + M("date-of-birth", b) mod 32}</td><td>3.0%
 *       [4%]</td></tr>
 *   <tr><td>identifier</td><td>none: FF1 must stay a bijection on the whole domain, and no detector
 *       reports identifiers; {@link SurrogateFormats#isSurrogate} says no</td><td>—</td></tr>
 * </table>
 * Not marked, so a scan reports them when a detector finds them: names whose every part is an
 * initial or in a script without a table (Hangul, Greek …), addresses in such scripts, JWTs
 * without a signature, phone numbers below 8 digits or with an extension, numbers of the wrong
 * length for their kind (keyed digits), and dates in forms the date-of-birth surrogate does not
 * parse (keyed digits, which may happen to form a date again).
 */
public enum SurrogateScheme {
    /** HMAC-SHA256 keyed choices and FF1-AES-256 for identifiers; see the class comment. */
    V1("prod2test/v1/");

    private final String prefix;

    SurrogateScheme(String prefix) {
        this.prefix = prefix;
    }

    /** The text every hashed message starts with, e.g. {@code prod2test/v1/}. */
    public String prefix() {
        return prefix;
    }

    /** The exact bytes hashed for {@code purpose} and an already normalised value. */
    public byte[] message(String purpose, String normalised) {
        return (prefix + purpose + "/" + normalised).getBytes(StandardCharsets.UTF_8);
    }
}
