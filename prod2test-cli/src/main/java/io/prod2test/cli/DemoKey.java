package io.prod2test.cli;

import io.prod2test.mask.surrogate.MaskingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The demo's own masking key: random, written readable by the owner only, so that the user can
 * mask more files consistently with the demo's store ({@code --masking-key-file out/masking.key}).
 */
final class DemoKey {
    private DemoKey() {
    }

    static MaskingKey create(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String text = HexFormat.of().formatHex(secret);
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        return MaskingKey.ofText(text);
    }
}
