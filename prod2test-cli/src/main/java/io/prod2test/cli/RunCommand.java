package io.prod2test.cli;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.runner.JUnitXml;
import io.prod2test.runner.LoadedScenario;
import io.prod2test.runner.ProjectConfig;
import io.prod2test.runner.RunOptions;
import io.prod2test.runner.RunReport;
import io.prod2test.runner.RunSummary;
import io.prod2test.runner.ScenarioCatalog;
import io.prod2test.runner.ScenarioResult;
import io.prod2test.runner.ScenarioRunner;
import io.prod2test.runner.ServiceTarget;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prod2test run}: play the scenarios against a running system. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the repository's scenarios against a running system.",
        description = {
            "",
            "Each scenario starts from the schema, the base datasets and its own setup.sql, whatever ran before it: the runner loads schemas/<service>/ (into an empty database) and datasets/<service>/<layer>/ once, snapshots them, and before every scenario undoes what the last one changed, while the service keeps its own connections. Then the steps are played over HTTP, values captured from responses are put into later requests, and the expectations and expected.sql checks are compared.",
            "",
            "Each run prints PASS, FAIL (with step, field, expected and actual) or ERROR, then the totals. Exit 0 when every scenario passed, 1 otherwise.",
            "",
            "The system comes from --base-url and --sut-db, else from services.<name>.baseUrl and .database in the repository's prod2test.yaml. The database user must be allowed to set session_replication_role (a superuser, or GRANT SET ON PARAMETER on PostgreSQL 15+).",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  prod2test run --repo ../test-assets --base-url http://localhost:8080 --sut-db jdbc:postgresql://localhost/payments?user=app --junit-xml target/scenarios.xml",
            "  prod2test run --repo ../test-assets --service payments --order random --repeat 10"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The test-asset repository.")
    Path repo;

    @Option(names = "--base-url", paramLabel = "URL", description = "The system under test (default: prod2test.yaml).")
    URI baseUrl;

    @Option(names = "--sut-db", paramLabel = "JDBC_URL",
            description = "The system under test's database, reset before each scenario (default: prod2test.yaml).")
    String sutDb;

    @Option(names = "--service", paramLabel = "NAME",
            description = "Run only this service's scenarios (needed with --base-url when the repository has several).")
    String service;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    Path junitXml;

    @Option(names = "--order", defaultValue = "file", paramLabel = "random|file",
            description = "The order scenarios run in (default: ${DEFAULT-VALUE}); every scenario starts from the same state either way.")
    String order;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of a random order, to replay one (default: the clock; printed).")
    Long seed;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N", description = "Run the whole set N times (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunOptions options = options();
        if (!Files.isDirectory(repo)) {
            throw new Prod2TestException(ErrorCode.USAGE, "--repo " + repo + " is not a folder");
        }
        List<String> services = service != null ? List.of(service) : ScenarioCatalog.services(repo);
        if (services.isEmpty()) {
            throw new Prod2TestException(ErrorCode.USAGE, repo + " has no scenarios (no folders under " + repo.resolve("scenarios") + ")");
        }
        if ((baseUrl != null || sutDb != null) && services.size() > 1) {
            throw new Prod2TestException(ErrorCode.USAGE, repo + " has scenarios for " + services
                    + ": name the one --base-url and --sut-db belong to with --service");
        }
        List<ScenarioResult> results = new ArrayList<>();
        long start = System.nanoTime();
        for (String name : services) {
            List<LoadedScenario> scenarios = ScenarioCatalog.load(repo, name);
            ServiceTarget target = ProjectConfig.target(repo, name, baseUrl, sutDb);
            out.printf(Locale.ROOT, "%s: %d scenarios against %s%n", name, scenarios.size(), target.baseUrl());
            out.flush();
            try (ScenarioRunner runner = ScenarioRunner.open(repo, target)) {
                results.addAll(runner.runAll(scenarios, options, result -> {
                    out.println(RunReport.line(result));
                    out.flush();
                }).results());
            }
        }
        RunSummary summary = new RunSummary(results, options, System.nanoTime() - start);
        if (junitXml != null) {
            JUnitXml.write(summary, junitXml);
        }
        out.println(RunReport.summary(summary));
        if (junitXml != null) {
            out.println("JUnit XML: " + junitXml);
        }
        out.flush();
        return summary.allPassed() ? 0 : 1;
    }

    private RunOptions options() {
        RunOptions.Order chosen = switch (order.toLowerCase(Locale.ROOT)) {
            case "file" -> RunOptions.Order.FILE;
            case "random" -> RunOptions.Order.RANDOM;
            default -> throw new Prod2TestException(ErrorCode.USAGE, "--order must be random or file, was '" + order + "'");
        };
        if (repeat < 1) {
            throw new Prod2TestException(ErrorCode.USAGE, "--repeat must be 1 or more, was " + repeat);
        }
        return new RunOptions(chosen, seed != null ? seed : System.nanoTime(), repeat);
    }
}
