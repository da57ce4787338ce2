package io.prod2test.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: lists the pipeline's commands and holds the options every command shares. */
@Command(name = "prod2test",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        header = "Turn production traffic and a production database into masked, runnable end-to-end test assets.",
        description = {
            "",
            "The pipeline: ingest logs (masking personal data on the way in) into a PostgreSQL analysis store, analyse flows, edge cases and coverage, generate schemas/, scenarios/, datasets/ and charters/ into a test-asset repository, run the scenarios against the system, and publish a pull request.",
            "",
            "New here? Run '@|bold prod2test demo|@': it does all of it on the bundled sample payments system.",
            ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  PROD2TEST_DB           JDBC URL of the analysis store (instead of --db)",
            "  PROD2TEST_MASKING_KEY  the masking key (instead of --masking-key-file)",
            "",
            "Exit codes: 0 success, 1 failure, 2 bad usage or a command not available in this version.",
            "Run 'prod2test COMMAND --help' for a command's options and examples."},
        subcommands = {
            DemoCommand.class,
            IngestCommand.class,
            MaskCommand.class,
            ScanCommand.class,
            AnalyzeCommand.class,
            SchemaCommand.class,
            GenerateCommand.class,
            RunCommand.class,
            ReportCommand.class,
            PublishCommand.class,
            RecordCommand.class,
            McpCommand.class})
public final class Prod2TestCommand implements Runnable {
    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces and library logs on errors (for bug reports).")
    private boolean debug;

    public Prod2TestCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public boolean debug() {
        return debug;
    }

    /** The process environment (or a test's), so commands never read System.getenv directly. */
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
