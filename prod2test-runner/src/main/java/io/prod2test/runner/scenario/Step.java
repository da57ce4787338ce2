package io.prod2test.runner.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One request of a scenario, what to take from its response, and what the response must be.
 *
 * @param name     a short label for reports, e.g. "authorise the payment"; may be null
 * @param request  the request, with {@code ${name}} references to earlier captures
 * @param captures values taken from the response for later steps
 * @param expect   the expected response
 */
public record Step(String name, Request request, List<Capture> captures, Expectation expect) {
    public Step {
        if (request == null) {
            throw new IllegalArgumentException("a step needs a request");
        }
        if (expect == null) {
            throw new IllegalArgumentException("a step needs an expect block (at least the status)");
        }
        captures = List.copyOf(captures == null ? List.of() : captures);
        Set<String> names = new HashSet<>();
        for (Capture c : captures) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("capture '" + c.name() + "' is defined twice in one step");
            }
        }
    }

    /** How the step appears in a report: its name, or its method and path. */
    public String label() {
        return name != null && !name.isBlank() ? name : request.method() + " " + request.path();
    }
}
