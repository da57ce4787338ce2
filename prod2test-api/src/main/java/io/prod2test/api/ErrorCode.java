package io.prod2test.api;

/**
 * Every way prod2test can fail, each with the process exit code the CLI returns for it.
 *
 * <p>Exit codes follow the spec: 1 for a failure of the work itself, 2 for bad usage (wrong
 * options, missing configuration, or a command whose pipeline stage has not landed yet).
 */
public enum ErrorCode {
    /** Options or arguments that do not make sense; the message says which and why. */
    USAGE(2),
    /** Required configuration is missing or invalid (masking key, database URL, config file). */
    CONFIGURATION(2),
    /** The command exists but the pipeline stage behind it is not built yet. */
    NOT_AVAILABLE(2),
    /** Input data (a log line, a file, a scenario) is malformed; the message names file, line and field. */
    INVALID_INPUT(1),
    /** Reading or writing a file or folder failed. */
    IO(1),
    /** The analysis store or a source database failed or could not be reached. */
    DATABASE(1),
    /** A sample service or the system under test failed or could not be reached. */
    SERVICE(1),
    /** A scan found personal data, or a check that guards personal data failed. */
    PERSONAL_DATA_FOUND(1),
    /** A bug in prod2test itself. */
    INTERNAL(1);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code the CLI returns when a command ends with this error. */
    public int exitCode() {
        return exitCode;
    }
}
