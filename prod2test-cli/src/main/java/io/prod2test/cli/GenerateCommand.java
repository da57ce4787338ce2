package io.prod2test.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prod2test generate}: scenarios, datasets, charters and test classes. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write scenarios, datasets, charters and JUnit test classes into the asset repository. [not available yet]",
        description = {
            "",
            "Turns the analysis into scenarios/ (steps from real masked sessions, with captures and stable expectations), datasets/ (masked, referentially intact subsets, with --source), charters/ and a JUnit 5 class per service that runs the scenarios.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  prod2test generate --repo ../test-assets --source jdbc:postgresql://replica/payments?user=ro --top 15")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The test-asset repository to write into.")
    Path repo;

    @Option(names = "--source", paramLabel = "JDBC_URL",
            description = "The production database to take setup rows and datasets from.")
    String source;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N",
            description = "How many flows to turn into scenarios (default: ${DEFAULT-VALUE}), plus the edge cases.")
    int top;

    @Mixin
    StoreOptions store;

    @Mixin
    MaskingKeyOptions maskingKey;

    @Override
    public Integer call() {
        throw Stage.GENERATE.notAvailable("generate");
    }
}
