package io.prod2test.mask.detect;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What the built-in detectors read of a field name, as bits: computed once per folded name (the
 * predicates fold, look up sets and try suffixes, which cost more than many texts), and the only
 * view of the name a detector has — {@link Scan} keeps the name itself to itself. So two fields
 * with the same traits (and cookie-ness and parent, see {@link Detectors#contextKey}) give every
 * text the same detections: {@code cartId} segments in request paths, {@code /carts/cart_1/items}
 * and {@code /carts/cart_2/items}, are one context, not one per cart. A detector that needs
 * another fact of the name adds a bit here.
 */
final class FieldTraits {
    /** There is a field name at all. */
    static final int NAMED = 1;
    static final int ADDRESS = 1 << 1;
    static final int CARD = 1 << 2;
    static final int CORPORATE_NUMBER = 1 << 3;
    static final int BIRTH_DATE = 1 << 4;
    static final int MY_NUMBER = 1 << 5;
    /** A name of another number ({@code orderNo}, {@code phone} …), where twelve digits are no My Number. */
    static final int OTHER_NUMBER = 1 << 6;
    static final int PERSON_NAME = 1 << 7;
    /** Exactly {@code name}. */
    static final int BARE_NAME = 1 << 8;
    /** The name contains {@code name}. */
    static final int HAS_NAME_WORD = 1 << 9;
    static final int PHONE = 1 << 10;
    static final int POSTAL_CODE = 1 << 11;
    static final int AUTHORIZATION = 1 << 12;
    static final int SECRET = 1 << 13;
    static final int NOT_SECRET = 1 << 14;

    private static final int MAX_CACHED = 10_000;
    private static final ConcurrentHashMap<String, Integer> CACHE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Integer> BY_NAME = new ConcurrentHashMap<>();

    private FieldTraits() {
    }

    /** The traits of a folded field name ({@link Scan#foldName}); empty: no field. */
    static int of(String folded) {
        Integer known = CACHE.get(folded);
        if (known != null) {
            return known;
        }
        int traits = compute(folded);
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear();
        }
        CACHE.put(folded, traits);
        return traits;
    }

    /** The traits of a field name as written ({@link Scan#foldName} is applied). */
    static int ofName(String name) {
        Integer known = BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        int traits = of(Scan.foldName(name));
        if (BY_NAME.size() >= MAX_CACHED) {
            BY_NAME.clear();
        }
        BY_NAME.put(name, traits);
        return traits;
    }

    private static int compute(String name) {
        int traits = 0;
        traits |= !name.isEmpty() ? NAMED : 0;
        traits |= AddressDetector.isAddressName(name) ? ADDRESS : 0;
        traits |= CardNumberDetector.isCardField(name) ? CARD : 0;
        traits |= CorporateNumberDetector.isCorporateNumberField(name) ? CORPORATE_NUMBER : 0;
        traits |= DateOfBirthDetector.isBirthName(name) ? BIRTH_DATE : 0;
        traits |= MyNumberDetector.isMyNumberField(name) ? MY_NUMBER : 0;
        traits |= MyNumberDetector.isOtherNumberField(name) ? OTHER_NUMBER : 0;
        traits |= PersonNameDetector.isPersonName(name) ? PERSON_NAME : 0;
        traits |= name.equals("name") ? BARE_NAME : 0;
        traits |= name.contains("name") ? HAS_NAME_WORD : 0;
        traits |= PhoneDetector.isPhoneField(name) ? PHONE : 0;
        traits |= PostalCodeDetector.isPostalName(name) ? POSTAL_CODE : 0;
        traits |= SecretDetector.isAuthorizationField(name) ? AUTHORIZATION : 0;
        traits |= SecretDetector.isSecretName(name) ? SECRET : 0;
        traits |= SecretDetector.isNotSecretField(name) ? NOT_SECRET : 0;
        return traits;
    }
}
