package io.prod2test.cli;

/** The pipeline stages the demo runs, by the titles its summary shows them under. */
enum Stage {
    INGEST("ingest"),
    MASK("masking"),
    ANALYSE("analysis"),
    SCHEMA("schema"),
    GENERATE("generation"),
    RUN("scenario runner"),
    SCAN("scan");

    private final String title;

    Stage(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }
}
