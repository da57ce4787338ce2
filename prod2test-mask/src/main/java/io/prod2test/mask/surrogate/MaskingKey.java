package io.prod2test.mask.surrogate;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The secret that makes masking keyed: the same value and key always give the same surrogate,
 * another key another one. Never printed: {@link #toString()} shows only a fingerprint.
 */
public final class MaskingKey {
    /** The environment variable that holds the key. */
    public static final String ENV = "PROD2TEST_MASKING_KEY";
    /** Shorter keys are refused: HMAC-SHA256 deserves at least 128 bits of secret. */
    public static final int MIN_BYTES = 16;

    private final byte[] secret;

    private MaskingKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new Prod2TestException(ErrorCode.CONFIGURATION,
                    "the masking key must be at least " + MIN_BYTES + " bytes long, was " + secret.length);
        }
        this.secret = secret.clone();
    }

    public static MaskingKey of(byte[] secret) {
        return new MaskingKey(secret);
    }

    /** A key given as text (the environment variable, a file), trimmed of surrounding whitespace. */
    public static MaskingKey ofText(String text) {
        return new MaskingKey(text.strip().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the key from a file that only its owner can read: a key others can read is no secret,
     * so a group- or world-readable file is refused.
     */
    public static MaskingKey fromFile(Path file) {
        try {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new Prod2TestException(ErrorCode.CONFIGURATION, "--masking-key-file " + file
                            + " can be read by others; make it private first: chmod 600 " + file);
                }
            } catch (UnsupportedOperationException notPosix) {
                // Windows and other non-POSIX file systems: their ACLs are the user's business.
            }
            return ofText(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.CONFIGURATION, "cannot read the masking key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key from {@code --masking-key-file} when given, else from {@value #ENV}; refuses to go
     * on without one, because masking without a key would not be masking.
     */
    public static MaskingKey resolve(Path keyFile, Map<String, String> environment) {
        if (keyFile != null) {
            return fromFile(keyFile);
        }
        String fromEnv = environment.get(ENV);
        if (fromEnv == null || fromEnv.isBlank()) {
            throw new Prod2TestException(ErrorCode.CONFIGURATION, "no masking key: set " + ENV
                    + " or pass --masking-key-file FILE (at least " + MIN_BYTES + " bytes; keep it secret and stable,"
                    + " the same key gives the same surrogates everywhere)");
        }
        return ofText(fromEnv);
    }

    /** The secret bytes, a copy; only the surrogate scheme should ask. */
    byte[] secret() {
        return secret.clone();
    }

    /** The first 8 hex digits of SHA-256 of the key: tells keys apart without revealing them. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MaskingKey k && MessageDigest.isEqual(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "MaskingKey[fingerprint=" + fingerprint() + "]";
    }
}
