package io.prod2test.cli;

/** The pipeline stages, by the titles the demo's summary shows them under. */
enum Stage {
    INGEST("ingest"),
    MASK("masking"),
    SCAN("scan"),
    RECORD("recording proxy"),
    ANALYSE("analysis"),
    SCHEMA("schema"),
    GENERATE("generation"),
    RUN("scenario runner"),
    REPORT("report"),
    PUBLISH("publishing"),
    MCP("MCP server");

    private final String title;

    Stage(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }
}
