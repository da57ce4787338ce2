package io.prod2test.cli;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;

/**
 * The pipeline stages behind the commands, and whether this build has them. A command whose stage
 * is missing says so plainly and exits 2 instead of pretending to work.
 */
enum Stage {
    INGEST("ingest", true),
    MASK("masking", true),
    SCAN("personal-data scan", true),
    RECORD("recording proxy", true),
    ANALYSE("analysis", true),
    SCHEMA("schema", true),
    GENERATE("generation", false),
    RUN("scenario runner", true),
    REPORT("report", true),
    PUBLISH("publishing", true),
    MCP("MCP server", true);

    private final String title;
    private final boolean available;

    Stage(String title, boolean available) {
        this.title = title;
        this.available = available;
    }

    boolean available() {
        return available;
    }

    String title() {
        return title;
    }

    /** Whether the demo runs this stage (the others are commands of their own). */
    boolean inDemo() {
        return this != MCP && this != PUBLISH && this != SCAN && this != RECORD;
    }

    /** The error a command of a missing stage ends with. */
    Prod2TestException notAvailable(String command) {
        return new Prod2TestException(ErrorCode.NOT_AVAILABLE,
                "'prod2test " + command + "' is not available in this version: the " + title
                        + " has not been built yet. 'prod2test demo' shows what works today.");
    }
}
