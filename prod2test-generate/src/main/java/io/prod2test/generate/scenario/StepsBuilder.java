package io.prod2test.generate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.mask.PiiKind;
import io.prod2test.mask.surrogate.SurrogateFormats;
import io.prod2test.runner.scenario.Expectation;
import io.prod2test.runner.scenario.FieldCheck;
import io.prod2test.runner.scenario.Rule;
import io.prod2test.runner.scenario.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one masked session into scenario steps: published test cards put back where masking
 * replaced them, captures and references between steps, and expectations from comparing the same
 * step across the flow's other sessions.
 */
final class StepsBuilder {

    /**
     * The steps, or why the session cannot be replayed faithfully.
     *
     * @param steps      the steps (empty when {@code notReplayable} says why)
     * @param restored   published test cards put back in place of masked numbers
     * @param notReplayable null, or why the scenario would not behave as production did
     * @param uncreated  keys the steps use that the session did not create (rows from before it,
     *                   for {@code setup.sql}), in order of use; when there are any, {@code
     *                   notReplayable} says so and the steps are empty
     */
    record Built(List<Step> steps, List<String> restored, String notReplayable, List<String> uncreated) {
        Built(List<Step> steps, List<String> restored, String notReplayable) {
            this(steps, restored, notReplayable, List.of());
        }

        Built {
            uncreated = List.copyOf(uncreated);
        }
    }

    private StepsBuilder() {
    }

    /**
     * Builds the steps of {@code session}.
     *
     * @param others other sessions of the same flow (any shape; steps are matched by route, status and occurrence)
     */
    static Built build(List<SessionExchange> session, List<List<SessionExchange>> others) {
        return build(session, others, java.util.Set.of());
    }

    /**
     * As {@link #build(List, List)}, with {@code provided} keys that exist before the first step
     * (the scenario's {@code setup.sql} inserts their rows).
     */
    static Built build(List<SessionExchange> session, List<List<SessionExchange>> others, java.util.Set<String> provided) {
        List<String> restored = new ArrayList<>();
        List<Boolean> masked = new ArrayList<>();
        List<SessionExchange> replay = new ArrayList<>();
        for (SessionExchange e : session) {
            CardFix fix = restoreCards(e);
            replay.add(fix.exchange());
            restored.addAll(fix.restored());
            masked.add(fix.masked());
        }
        int maskedAt = masked.indexOf(true);
        if (maskedAt >= 0 && session.stream().anyMatch(StepsBuilder::dependsOnCard)) {
            SessionExchange e = session.get(maskedAt);
            return new Built(List.of(), List.copyOf(restored), "the session's answers depend on its card (a decline or 3-D Secure), and the masked"
                    + " card number of step " + (maskedAt + 1) + " (" + e.route() + ", " + e.status() + ") could not be told back to a published test card"
                    + " (the answer shows no last four that name exactly one)");
        }
        for (int i = 1; i < session.size(); i++) {
            SessionExchange before = session.get(i - 1);
            if (session.get(i).startMillis() < before.startMillis() + before.durationMillis()) {
                return new Built(List.of(), List.copyOf(restored), "steps " + i + " and " + (i + 1) + " overlapped in time (" + before.route()
                        + ", " + session.get(i).route() + "): played one after the other they would not race as they did in production");
            }
        }
        for (int i = 0; i < session.size(); i++) {
            String masked422 = maskedRefusal(session.get(i));
            if (masked422 != null) {
                return new Built(List.of(), List.copyOf(restored), "step " + (i + 1) + " (" + session.get(i).route() + ") was refused for its field '"
                        + masked422 + "', whose value masking replaced by a valid surrogate: the replay would be accepted");
            }
        }
        Captures.Result captures = Captures.detect(replay);
        java.util.Set<String> uncreated = new java.util.LinkedHashSet<>();
        String first = null;
        for (int i = 0; i < replay.size(); i++) {
            for (String foreign : uncreatedIds(captures.requests().get(i))) {
                if (!provided.contains(foreign) && uncreated.add(foreign) && first == null) {
                    first = "step " + (i + 1) + " (" + replay.get(i).route() + ") uses " + foreign;
                }
            }
        }
        if (!uncreated.isEmpty()) {
            return new Built(List.of(), List.copyOf(restored), first + (uncreated.size() > 1 ? " (and " + (uncreated.size() - 1) + " more)" : "")
                    + ", which the session did not create: its rows from before the session belong in setup.sql", List.copyOf(uncreated));
        }
        List<Step> steps = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < replay.size(); i++) {
            SessionExchange e = replay.get(i);
            int occurrence = seen.merge(e.signature(), 1, Integer::sum);
            List<JsonNode> otherBodies = new ArrayList<>();
            for (List<SessionExchange> other : others) {
                SessionExchange same = nth(other, e.signature(), occurrence);
                if (same != null && same != session.get(i)) {
                    otherBodies.add(same.responseBody());
                }
            }
            VariableFields.Context context = new VariableFields.Context(captures.bindings().get(i), captures.producedBy().get(i),
                    Captures.leaves(e), otherBodies, masked.get(i));
            List<FieldCheck> body = VariableFields.checks(e.responseBody(), context);
            List<FieldCheck> headers = new ArrayList<>();
            if (e.responseHeaders().containsKey("location")) {
                headers.add(FieldCheck.header("Location", new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.URI, null,
                        "holds the new resource's id, which differs on every run")));
            }
            String name = e.route() + (e.status() >= 400 ? " answers " + e.status() : "");
            steps.add(new Step(name, captures.requests().get(i), captures.captures().get(i), new Expectation(e.status(), headers, body)));
        }
        return new Built(List.copyOf(steps), List.copyOf(restored), null);
    }

    private static SessionExchange nth(List<SessionExchange> session, String signature, int occurrence) {
        int n = 0;
        for (SessionExchange e : session) {
            if (e.signature().equals(signature) && ++n == occurrence) {
                return e;
            }
        }
        return null;
    }

    /** A decline, a 3-D Secure challenge or a failed authentication: answers a payments system gives by card. */
    static boolean dependsOnCard(SessionExchange e) {
        if (e.status() == 402) {
            return true;
        }
        String body = e.responseBody() == null ? "" : e.responseBody().toString();
        return body.contains("requires_action") || body.contains("declineCode") || body.contains("awaiting_authentication");
    }

    /** A generated-looking id the request sends literally (not from a capture), or null. */
    static List<String> uncreatedIds(io.prod2test.runner.scenario.Request request) {
        List<String> found = new ArrayList<>();
        for (String segment : request.path().split("/")) {
            if (!segment.contains("${") && VariableFields.generated(segment)) {
                found.add(segment);
            }
        }
        if (request.body() != null) {
            Captures.walk(request.body(), "", (pointer, value) -> {
                if (value.isTextual() && !value.asText().contains("${") && VariableFields.generated(value.asText())
                        && !pointer.matches(".*(?i)(date|time|at|birth)$")) {
                    found.add(value.asText());
                }
            });
        }
        return found;
    }

    /**
     * The field a validation error names when the request's value there is a masking surrogate:
     * the service refused the original (too long, malformed), not the surrogate, which masking made
     * valid; null otherwise.
     */
    static String maskedRefusal(SessionExchange e) {
        if (e.status() != 422 && e.status() != 400 || e.responseBody() == null || e.requestBody() == null) {
            return null;
        }
        String field = e.responseBody().path("field").asText(null);
        if (field == null || field.isEmpty()) {
            return null;
        }
        JsonNode value = e.requestBody().at("/" + field.replace(".", "/"));
        if (!value.isTextual()) {
            return null;
        }
        for (PiiKind kind : PiiKind.values()) {
            if (SurrogateFormats.isSurrogate(kind, value.asText())) {
                return field;
            }
        }
        return null;
    }

    private record CardFix(SessionExchange exchange, List<String> restored, boolean masked) {
    }

    /** Puts published test cards back into the request where the response's last four tell which one it was. */
    private static CardFix restoreCards(SessionExchange e) {
        if (e.requestBody() == null || !e.requestBody().isObject()) {
            return new CardFix(e, List.of(), false);
        }
        ObjectNode body = (ObjectNode) e.requestBody().deepCopy();
        List<String> restored = new ArrayList<>();
        boolean masked = false;
        String last4 = e.responseBody() != null && e.responseBody().path("last4").isTextual() ? e.responseBody().path("last4").asText() : null;
        for (var field : List.copyOf(body.properties())) {
            JsonNode v = field.getValue();
            if (v.isTextual() && PublishedTestCards.isCardNumber(v.asText())) {
                var published = PublishedTestCards.restore(v.asText(), last4);
                if (published.isPresent()) {
                    body.set(field.getKey(), JsonNodeFactory.instance.textNode(published.get()));
                    restored.add(published.get());
                } else {
                    masked = true;
                }
            }
        }
        return new CardFix(e.withRequestBody(body), List.copyOf(restored), masked);
    }
}
