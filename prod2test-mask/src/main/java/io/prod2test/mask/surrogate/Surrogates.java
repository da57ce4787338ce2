package io.prod2test.mask.surrogate;

import io.prod2test.mask.PiiKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Keyed, deterministic, format-preserving surrogates for personal values: the same value and key
 * give the same surrogate in a log line and in a database row, another key another surrogate,
 * and the surrogate still validates wherever the original did (Luhn, check digits, phone
 * numbering plans, e-mail syntax). Thread-safe and meant to be shared: keyed hashing and AES run
 * on per-thread instances.
 *
 * <p>{@link #surrogate(PiiKind, String)} dispatches on the kind; the typed methods do the same
 * for one kind. Whitespace around a value is kept as it is and not hashed. A value that is
 * personal never comes back unchanged (a keyed pick equal to the input is drawn again), except
 * that a bijective identifier surrogate may, with a probability of about one in its domain's size.
 * The exact recipe is {@link SurrogateScheme#V1}; what each kind keeps is said on its method.
 *
 * <p>Every surrogate but an identifier also carries an unkeyed mark — part of it derived from the
 * rest with a public function — so that {@link SurrogateFormats#isSurrogate} tells it from a raw
 * value without the key (the scan gate); {@link SurrogateScheme} lists the marks.
 */
public final class Surrogates {
    private final SurrogateScheme scheme;
    private final KeyedHash hash;
    private final Identifiers identifiers;
    private final Tokens tokens;
    private final List<String> phoneRegions;
    private final LocalDate referenceDate;
    private final boolean keepEmailCase;

    /** Surrogates under {@code key} with the defaults of {@link Builder}. */
    public Surrogates(MaskingKey key) {
        this(builder(key));
    }

    private Surrogates(Builder builder) {
        this.scheme = builder.scheme;
        byte[] secret = builder.key.secret();
        this.hash = new KeyedHash(scheme, secret);
        java.util.Arrays.fill(secret, (byte) 0);
        this.identifiers = new Identifiers(new Ff1(hash.digest("identifier-key", "")), hash);
        this.tokens = new Tokens(this, hash);
        this.phoneRegions = builder.phoneRegions;
        this.referenceDate = builder.referenceDate;
        this.keepEmailCase = builder.keepEmailCase;
    }

    /** Surrogates of scheme {@link SurrogateScheme#V1} under {@code key}, other settings default. */
    public static Surrogates v1(MaskingKey key) {
        return builder(key).build();
    }

    public static Builder builder(MaskingKey key) {
        return new Builder(key);
    }

    /** Settings beyond the key; every one has a default. */
    public static final class Builder {
        private final MaskingKey key;
        private SurrogateScheme scheme = SurrogateScheme.V1;
        private List<String> phoneRegions = List.of("JP", "US");
        private LocalDate referenceDate = LocalDate.now(ZoneOffset.UTC);
        private boolean keepEmailCase;

        private Builder(MaskingKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        public Builder scheme(SurrogateScheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /**
         * The regions (ISO 3166 codes) a phone number without {@code +} is read in, in order; the
         * first that makes it a valid number wins. Default {@code JP, US}.
         */
        public Builder phoneRegions(String... regions) {
            if (regions.length == 0) {
                throw new IllegalArgumentException("at least one phone region is needed");
            }
            this.phoneRegions = List.of(regions).stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
            return this;
        }

        /**
         * The date ages are computed at for {@link #dateOfBirth}: pin it (e.g. to the capture date)
         * for surrogates that never change; the default, today in UTC, moves only dates of birth
         * within half a year of an age-band boundary.
         */
        public Builder referenceDate(LocalDate date) {
            this.referenceDate = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * Whether an e-mail surrogate takes on the letter case of the address it replaces (off by
         * default). The surrogate is still chosen from the lower-cased address, so every spelling
         * of one address keeps one surrogate up to case; what this adds is the pattern of capitals,
         * spread over the surrogate's letters ({@link #email}). Turn it on where systems are tested
         * for treating addresses case-insensitively: a sign-up retyped in other capitals must stay
         * in other capitals. It reveals where the capitals were, nothing else; off, V1 surrogates
         * are always lower case.
         */
        public Builder keepEmailCase(boolean keep) {
            this.keepEmailCase = keep;
            return this;
        }

        public Surrogates build() {
            return new Surrogates(this);
        }
    }

    public SurrogateScheme scheme() {
        return scheme;
    }

    public LocalDate referenceDate() {
        return referenceDate;
    }

    /**
     * The surrogate of {@code raw} as a value of {@code kind}; {@code null} stays {@code null},
     * surrounding whitespace is kept.
     */
    public String surrogate(PiiKind kind, String raw) {
        Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case EMAIL -> email(raw);
            case CARD_NUMBER -> cardNumber(raw);
            case PHONE -> phone(raw);
            case MY_NUMBER -> myNumber(raw);
            case CORPORATE_NUMBER -> corporateNumber(raw);
            case IBAN -> iban(raw);
            case IP_ADDRESS -> ipAddress(raw);
            case JWT -> jwt(raw);
            case SECRET -> secret(raw);
            case POSTAL_CODE -> postalCode(raw);
            case ADDRESS -> address(raw);
            case PERSON_NAME -> personName(raw);
            case DATE_OF_BIRTH -> dateOfBirth(raw);
            case IDENTIFIER -> identifier(raw);
        };
    }

    /**
     * {@code u} + 16 base32 characters at a reserved domain of the input's family ({@code
     * example.co.jp} …); case-insensitive. With {@link Builder#keepEmailCase} on, a letter of the
     * surrogate's local part (domain) is a capital where the letter at the same relative position
     * of the input's local part (domain) is one.
     */
    public String email(String raw) {
        return around(raw, keepEmailCase ? core -> Emails.withCaseOf(Emails.email(hash, core), core) : core -> Emails.email(hash, core));
    }

    /** Same brand, same length, Luhn-valid, the input's separators kept; only the digits are hashed. */
    public String cardNumber(String raw) {
        return around(raw, core -> Numbers.card(hash, core));
    }

    /** Valid for the same region and of the same type, area code kept, in the input's layout. */
    public String phone(String raw) {
        return around(raw, core -> Phones.phone(hash, core, phoneRegions));
    }

    /** As {@link #phone(String)}, reading numbers without {@code +} in {@code region} first. */
    public String phone(String raw, String region) {
        List<String> regions = new java.util.ArrayList<>(List.of(region.toUpperCase(Locale.ROOT)));
        phoneRegions.stream().filter(r -> !regions.contains(r)).forEach(regions::add);
        return around(raw, core -> Phones.phone(hash, core, regions));
    }

    /** 12 digits with a valid My Number check digit, layout kept. */
    public String myNumber(String raw) {
        return around(raw, core -> Numbers.myNumber(hash, core));
    }

    /** 13 digits with a valid leading corporate-number check digit, layout kept. */
    public String corporateNumber(String raw) {
        return around(raw, core -> Numbers.corporateNumber(hash, core));
    }

    /** Same country and length, character classes kept position by position, valid mod-97 check digits. */
    public String iban(String raw) {
        return around(raw, core -> Numbers.iban(hash, core));
    }

    /** An address in the documentation ranges (IPv4 /24s, 2001:db8::/32); lists masked element by element. */
    public String ipAddress(String raw) {
        return around(raw, core -> IpAddresses.ip(hash, core));
    }

    /** A structurally valid JWT with keyed claims and signature; not a JWT: {@link #secret}. */
    public String jwt(String raw) {
        return around(raw, tokens::jwt);
    }

    /** Known prefix, length and character classes kept, the rest keyed; a bearer JWT becomes a JWT surrogate. */
    public String secret(String raw) {
        return around(raw, tokens::secret);
    }

    /** Japanese: same form with a real prefecture block; others: same shape. */
    public String postalCode(String raw) {
        return around(raw, core -> Places.postalCode(hash, core));
    }

    /** A plausible address in the input's script and structure, from the V1 tables. */
    public String address(String raw) {
        return around(raw, core -> Places.address(hash, core));
    }

    /** A plausible name in the script of each part (kanji, katakana, hiragana, Latin), separators and emoji kept. */
    public String personName(String raw) {
        return around(raw, core -> Names.personName(hash, core));
    }

    /**
     * The date moved by up to 180 days — to the marked day nearest a keyed offset, keyed by the
     * date itself; age band and format kept.
     */
    public String dateOfBirth(String raw) {
        return dateOfBirth(raw, null);
    }

    /**
     * As {@link #dateOfBirth(String)}, the offset keyed by {@code personKey} (e.g. the customer's
     * id) when not {@code null}, so one person's date moves alike wherever it appears (and
     * different dates of one person by about the same offset).
     */
    public String dateOfBirth(String raw, String personKey) {
        return around(raw, core -> Dates.dateOfBirth(hash, core, personKey, referenceDate));
    }

    /**
     * A bijective surrogate (FF1 format-preserving encryption, NIST SP 800-38G, AES-256): same
     * length, a prefix such as {@code cus_}, {@code ORD-} or the {@code C} of {@code C00012345}
     * kept, separators kept, and the rest in the smallest alphabet that held it — digits (a
     * leading non-zero digit stays non-zero), hex, base 36 or base 62 in the input's case; RFC 4122
     * UUIDs keep version and variant. Distinct inputs never share a surrogate. Domains below FF1's
     * minimum of 10^6 (five digits, three base-36 characters …) use a keyed single-cycle shuffle,
     * so they are bijective too and never map a value to itself.
     */
    public String identifier(String raw) {
        return around(raw, identifiers::encrypt);
    }

    /** The inverse of {@link #identifier}: for checks and for whoever holds the key. */
    public String identifierInverse(String surrogate) {
        return around(surrogate, identifiers::decrypt);
    }

    private static String around(String raw, java.util.function.UnaryOperator<String> surrogate) {
        if (raw == null) {
            return null;
        }
        String[] parts = Chars.splitSpace(raw);
        if (parts[1].isEmpty()) {
            return raw;
        }
        return parts[0] + surrogate.apply(parts[1]) + parts[2];
    }

    @Override
    public String toString() {
        return "Surrogates[" + scheme + "]";
    }
}
