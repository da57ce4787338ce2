package io.prod2test.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prod2test record}: a recording reverse proxy. */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run a reverse proxy that records every exchange in the canonical log format. [not available yet]",
        description = {
            "",
            "For teams that capture in staging or have no body logging yet: point clients at --listen, and everything is forwarded to --upstream and written to --out, masked when a key is set.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  prod2test record --listen 127.0.0.1:9090 --upstream http://localhost:8080 --out capture.jsonl")
final class RecordCommand implements Callable<Integer> {
    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "Where the proxy listens.")
    String listen;

    @Option(names = "--upstream", required = true, paramLabel = "URL", description = "The service to forward to.")
    URI upstream;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The canonical log to write.")
    Path out;

    @Mixin
    MaskingKeyOptions maskingKey;

    @Override
    public Integer call() {
        throw Stage.RECORD.notAvailable("record");
    }
}
