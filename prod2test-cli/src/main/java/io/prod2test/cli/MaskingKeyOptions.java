package io.prod2test.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the masking key comes from, for the commands that mask. */
final class MaskingKeyOptions {
    static final String KEY_ENV = io.prod2test.mask.surrogate.MaskingKey.ENV;

    @Option(names = "--masking-key-file", paramLabel = "FILE",
            description = "A file holding the masking key, readable by you only (default: $" + KEY_ENV + ")."
                    + " The same key gives the same surrogates in logs and databases; keep it secret and keep it stable.")
    Path keyFile;
}
