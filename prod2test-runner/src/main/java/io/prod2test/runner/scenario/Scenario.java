package io.prod2test.runner.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One scenario: where it came from, its steps and its expectations, with the rows it needs
 * ({@code setup.sql}) and the checks on the database after it ({@code expected.sql}).
 *
 * @param id             the folder name, lower-case letters, digits, {@code .}, {@code _} and {@code -}
 * @param title          what the scenario shows, in words; the JUnit test is named by it
 * @param flow           the traffic flow it was taken from
 * @param priority       how much it matters
 * @param tags           labels such as {@code edge-case}, {@code status-409}
 * @param source         the masked session its steps come from
 * @param steps          the requests, in order; at least one
 * @param setupSql       the rows the flow needs that it does not create (may be empty)
 * @param databaseChecks checks on the database after the steps (may be empty)
 */
public record Scenario(String id, String title, Flow flow, Priority priority, List<String> tags, Source source,
                       List<Step> steps, String setupSql, List<DatabaseCheck> databaseChecks) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._:-]*");

    public Scenario {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a scenario id must be 1-100 lower-case letters, digits, '.', '_' or '-' starting with a letter or digit, was '" + id + "'");
        }
        Checks.requireText(title, "a scenario's title");
        if (flow == null) {
            throw new IllegalArgumentException("a scenario needs the flow it came from");
        }
        if (priority == null) {
            throw new IllegalArgumentException("a scenario needs a priority: high, medium or low");
        }
        tags = List.copyOf(new LinkedHashSet<>(tags == null ? List.of() : tags));
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("a tag must be lower-case letters, digits, '.', '_', ':' or '-', was '" + tag + "'");
            }
        }
        if (source == null) {
            throw new IllegalArgumentException("a scenario needs the masked session it was taken from");
        }
        steps = List.copyOf(steps == null ? List.of() : steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one step");
        }
        checkReferences(steps);
        setupSql = setupSql == null ? "" : setupSql;
        databaseChecks = List.copyOf(databaseChecks == null ? List.of() : databaseChecks);
    }

    /** Every {@code ${name}} must be captured by an earlier step: a typo is found on read, not at run time. */
    private static void checkReferences(List<Step> steps) {
        Set<String> known = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Set<String> used = referencesOf(step);
            for (String name : used) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("step " + (i + 1) + " (" + step.label() + ") uses ${" + name
                            + "}, which no earlier step captures" + (known.isEmpty() ? "" : "; captured so far: " + known));
                }
            }
            step.captures().forEach(c -> known.add(c.name()));
        }
    }

    private static Set<String> referencesOf(Step step) {
        Request r = step.request();
        Set<String> used = new LinkedHashSet<>(References.names(r.path()));
        r.query().values().forEach(vs -> vs.forEach(v -> used.addAll(References.names(v))));
        r.headers().values().forEach(v -> used.addAll(References.names(v)));
        used.addAll(References.names(r.body()));
        used.addAll(References.names(r.bodyText()));
        for (FieldCheck check : step.expect().headers()) {
            if (check.rule() instanceof Rule.Equals eq) {
                used.addAll(References.names(eq.value()));
            }
        }
        for (FieldCheck check : step.expect().body()) {
            JsonNode expected = switch (check.rule()) {
                case Rule.Equals eq -> eq.value();
                case Rule.ArrayOf array -> array.items();
                default -> null;
            };
            used.addAll(References.names(expected));
        }
        return used;
    }

    /** Whether the scenario carries this tag. */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
