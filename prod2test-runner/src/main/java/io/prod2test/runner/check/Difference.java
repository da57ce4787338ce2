package io.prod2test.runner.check;

/**
 * One way a response (or the database) differs from what the scenario expects.
 *
 * @param step     the 1-based step, or 0 for the database checks after the steps
 * @param label    the step's label (or "database")
 * @param field    what was compared: {@code status}, {@code body /status}, {@code header Location},
 *                 {@code check 'the refund is stored' (expected.sql:4)}
 * @param expected what the scenario expects, in words or JSON
 * @param actual   what was found
 */
public record Difference(int step, String label, String field, String expected, String actual) {
    /** One line for reports: {@code step 2 (authorise): body /status: expected "authorized", actual "failed"}. */
    public String describe() {
        String where = step == 0 ? "after the steps" : "step " + step + " (" + label + ")";
        return where + ": " + field + ": expected " + expected + ", actual " + actual;
    }
}
