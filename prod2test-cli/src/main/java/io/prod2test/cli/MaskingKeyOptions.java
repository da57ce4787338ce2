package io.prod2test.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the masking key comes from, for the commands that mask. */
final class MaskingKeyOptions {
    /** The environment variable that holds the masking key. */
    static final String KEY_ENV = "PROD2TEST_MASKING_KEY";

    @Option(names = "--masking-key-file", paramLabel = "FILE",
            description = "A file holding the masking key (default: $" + KEY_ENV + "). The same key gives the same"
                    + " surrogates in logs and databases; keep it secret and keep it stable.")
    Path keyFile;
}
