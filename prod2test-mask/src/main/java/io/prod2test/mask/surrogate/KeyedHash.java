package io.prod2test.mask.surrogate;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under the masking key, one {@link Mac} per thread. {@code Mac.getInstance} walks
 * the provider list and costs more than hashing a short value, so every thread clones an
 * initialised prototype once and reuses it; a {@code Mac} is not thread-safe, the clones are
 * never shared.
 */
final class KeyedHash {
    private static final String ALGORITHM = "HmacSHA256";

    private final SurrogateScheme scheme;
    private final byte[] key;
    private final Mac prototype;
    private final ThreadLocal<Mac> macs;

    KeyedHash(SurrogateScheme scheme, byte[] key) {
        this.scheme = scheme;
        this.key = key.clone();
        this.prototype = newMac();
        this.macs = ThreadLocal.withInitial(this::copy);
    }

    SurrogateScheme scheme() {
        return scheme;
    }

    /** The 32-byte V1 digest of {@code purpose} and a normalised value. */
    byte[] digest(String purpose, String normalised) {
        return macs.get().doFinal(scheme.message(purpose, normalised));
    }

    /** A keyed stream whose first block is {@link #digest}. */
    KeyedStream stream(String purpose, String normalised) {
        return new KeyedStream(macs.get(), scheme.message(purpose, normalised));
    }

    private Mac copy() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(); // a provider without clone support: one getInstance per thread still
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
