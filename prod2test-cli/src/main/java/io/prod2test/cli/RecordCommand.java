package io.prod2test.cli;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.ingest.record.RecordingConfig;
import io.prod2test.core.ingest.record.RecordingProxy;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prod2test record}: a recording reverse proxy. */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run a reverse proxy that records every exchange in the canonical log format.",
        description = {
            "",
            "For teams that capture in staging or have no body logging yet: point clients at --listen, and everything is forwarded to --upstream (bodies, headers, status, streamed responses) and written to --out, one canonical JSON line per exchange, masked when a masking key is set. Text bodies up to 1 MiB are recorded; larger and binary ones are noted by size.",
            "",
            "Runs until Ctrl-C (or --stop-after exchanges), finishing the exchanges in flight.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  PROD2TEST_MASKING_KEY=... prod2test record --listen 127.0.0.1:9090 --upstream http://localhost:8080 --out capture.jsonl",
            "  prod2test ingest --service shop capture.jsonl"})
final class RecordCommand implements Callable<Integer> {
    @ParentCommand
    Prod2TestCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "Where the proxy listens, e.g. 127.0.0.1:9090.")
    String listen;

    @Option(names = "--upstream", required = true, paramLabel = "URL", description = "The service to forward to.")
    URI upstream;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The canonical log to append to.")
    Path out;

    @Option(names = "--service", paramLabel = "NAME", description = "The service name written in the log (default: the upstream's host).")
    String service;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A masking policy, or a prod2test.yaml with a masking: section (default: the built-in policy).")
    Path policy;

    @Option(names = "--no-mask", description = "Record raw values even though no masking key is set (for synthetic test traffic only).")
    boolean noMask;

    @Option(names = "--stop-after", paramLabel = "N", description = "Stop after recording N exchanges (default: run until Ctrl-C).")
    Long stopAfter;

    @Mixin
    MaskingKeyOptions maskingKey;

    @Override
    public Integer call() throws InterruptedException {
        Masker masker = null;
        if (!noMask) {
            MaskingKey key = MaskingKey.resolve(maskingKey.keyFile, root.environment());
            masker = Masker.create(policy == null ? MaskingPolicy.defaults() : MaskingPolicy.read(policy), key);
        }
        RecordingConfig config;
        try {
            config = new RecordingConfig(RecordingConfig.listenAddress(listen), upstream, out);
        } catch (IllegalArgumentException e) {
            throw new Prod2TestException(ErrorCode.USAGE, e.getMessage());
        }
        if (masker != null) {
            config = config.withMasker(masker);
        }
        if (service != null) {
            config = config.withService(service);
        }
        if (stopAfter != null && stopAfter < 1) {
            throw new Prod2TestException(ErrorCode.USAGE, "--stop-after must be at least 1, was " + stopAfter);
        }
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopped = new CountDownLatch(1);
        RecordingProxy proxy = RecordingProxy.start(config);
        Thread hook = new Thread(() -> {
            proxy.close();
            stopped.countDown();
        }, "prod2test-record-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("recording " + proxy.address() + " -> " + upstream + " into " + out
                + (masker == null ? " (UNMASKED)" : " (masked)") + "; Ctrl-C to stop");
        err.flush();
        try {
            while (stopped.getCount() > 0 && (stopAfter == null || proxy.recorded() + proxy.dropped() < stopAfter)) {
                stopped.await(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } finally {
            proxy.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running: it closes the proxy
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("recorded " + proxy.recorded() + " exchanges into " + out
                + (proxy.dropped() > 0 ? "; " + proxy.dropped() + " answered but not recorded" : ""));
        stdout.flush();
        return 0;
    }
}
