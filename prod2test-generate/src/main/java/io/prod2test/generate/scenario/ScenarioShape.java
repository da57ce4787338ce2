package io.prod2test.generate.scenario;

import io.prod2test.runner.scenario.FieldCheck;
import io.prod2test.runner.scenario.Rule;
import io.prod2test.runner.scenario.Scenario;
import io.prod2test.runner.scenario.Step;
import java.util.stream.Collectors;

/**
 * What makes two scenarios the same test: the flow's routes, and per step the route, the status
 * and which fields are checked how. Values do not count, except error codes, so two sessions of one
 * flow that differ only in the products they bought give one scenario, not two.
 */
final class ScenarioShape {
    private static final java.util.regex.Pattern CODES = java.util.regex.Pattern.compile("/(error|code|errorCode|declineCode)$");

    private ScenarioShape() {
    }

    /** The deduplication key of {@code scenario}. */
    static String of(Scenario scenario) {
        StringBuilder key = new StringBuilder(String.join(" > ", scenario.flow().routes()));
        for (Step step : scenario.steps()) {
            key.append('\n').append(step.request().method()).append(' ').append(step.request().path().replaceAll("/[^/$]*\\$\\{[^}]+}", "/{ref}"))
                    .append(' ').append(step.expect().status()).append(' ')
                    .append(step.expect().body().stream().map(ScenarioShape::field).sorted().collect(Collectors.joining(",")));
        }
        return key.toString();
    }

    private static String field(FieldCheck check) {
        // Array indexes are left out: a cart of two lines and one of three are checked the same way.
        String pointer = check.locator().replaceAll("/\\d+(?=/|$)", "/*");
        String kind = switch (check.rule()) {
            // An error code is part of what a scenario shows: a decline for insufficient funds and one
            // for an expired card are two tests, not one.
            case Rule.Equals eq when CODES.matcher(pointer).find() -> "=" + eq.value();
            case Rule.Equals ignored -> "=";
            case Rule.Matches m -> "~" + m.type().yamlName() + (m.format() == null ? "" : ":" + m.format().yamlName());
            case Rule.ArrayOf a -> "[" + a.mode().yamlName() + "]" + a.ignore();
            case Rule.Absent ignored -> "absent";
        };
        return pointer + kind;
    }
}
