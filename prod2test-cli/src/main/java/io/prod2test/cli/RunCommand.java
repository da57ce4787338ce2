package io.prod2test.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code prod2test run}: play the scenarios against a running system. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the repository's scenarios against a running system. [not available yet]",
        description = {
            "",
            "Each scenario starts from the schema, the base datasets and its own setup.sql, whatever ran before it; then its steps are played over HTTP and its expectations checked.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  prod2test run --repo ../test-assets --base-url http://localhost:8080 --sut-db jdbc:postgresql://localhost/payments?user=app --junit-xml target/scenarios.xml")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The test-asset repository.")
    Path repo;

    @Option(names = "--base-url", required = true, paramLabel = "URL", description = "The system under test.")
    URI baseUrl;

    @Option(names = "--sut-db", required = true, paramLabel = "JDBC_URL",
            description = "The system under test's database, reset before each scenario.")
    String sutDb;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    Path junitXml;

    @Override
    public Integer call() {
        throw Stage.RUN.notAvailable("run");
    }
}
