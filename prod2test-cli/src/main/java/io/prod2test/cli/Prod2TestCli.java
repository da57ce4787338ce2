package io.prod2test.cli;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Builds the picocli command tree with prod2test's error handling: a {@link Prod2TestException}
 * prints its message and exits with its code's exit code; anything else is a bug (exit 1). Stack
 * traces only with {@code --debug}.
 */
public final class Prod2TestCli {
    private Prod2TestCli() {
    }

    /** The command line for the real process, reading the given environment. */
    public static CommandLine create(Map<String, String> environment) {
        Prod2TestCommand root = new Prod2TestCommand(environment);
        CommandLine cli = new CommandLine(root);
        cli.setExecutionExceptionHandler(new ErrorHandler(root));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        listFaultsInDemoHelp(cli.getSubcommands().get("demo"));
        return cli;
    }

    // The fault names come from the enum, which an annotation's constant footer cannot reach.
    private static void listFaultsInDemoHelp(CommandLine demo) {
        var usage = demo.getCommandSpec().usageMessage();
        java.util.List<String> footer = new java.util.ArrayList<>(java.util.List.of(usage.footer()));
        footer.add("");
        footer.add("Faults (see examples/README.md for what each breaks and what catches it):");
        for (io.prod2test.examples.support.Fault fault : io.prod2test.examples.support.Fault.values()) {
            footer.add(String.format(java.util.Locale.ROOT, "  %-28s %s", fault.cliName(), fault.description()));
        }
        usage.footer(footer.toArray(String[]::new));
    }

    /** Same, writing to the given streams instead of the process's: for in-process tests. */
    public static CommandLine create(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine cli = create(environment);
        cli.setOut(out);
        cli.setErr(err);
        return cli;
    }

    private record ErrorHandler(Prod2TestCommand root) implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
            PrintWriter err = command.getErr();
            String name = command.getCommandSpec().qualifiedName();
            int exitCode;
            if (e instanceof Prod2TestException p) {
                err.println(name + ": " + p.getMessage());
                exitCode = p.code().exitCode();
            } else {
                err.println(name + ": unexpected error: " + e + (root.debug() ? "" : " (run again with --debug for the stack trace)"));
                exitCode = ErrorCode.INTERNAL.exitCode();
            }
            if (root.debug()) {
                e.printStackTrace(err);
            }
            err.flush();
            return exitCode;
        }
    }
}
