package io.prod2test.cli;

/** The {@code prod2test} executable's entry point; {@code ./prod2test} at the repository root runs it. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        // Libraries log through slf4j-simple to stderr; stdout stays for results (and JSON-RPC in mcp).
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", debug ? "info" : "warn");
        // The OpenAPI parser logs stack traces for documents it cannot read; our message says it already.
        System.setProperty("org.slf4j.simpleLogger.log.io.swagger", debug ? "debug" : "off");
        System.exit(Prod2TestCli.create(System.getenv()).execute(args));
    }
}
