package io.prod2test.mcp.prompts;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conversation's two prompts: "analyse this period" and the exploratory-charter method. Their
 * text names only the tools this server really has, so a model is never sent to a tool that is not there.
 */
public final class Prompts {
    /** The name of the analysis prompt. */
    public static final String ANALYSE = "analyse_period";
    /** The name of the charter prompt. */
    public static final String CHARTER = "exploratory_charter";

    private final Set<String> tools;

    /** @param tools the names of the tools the server offers */
    public Prompts(Set<String> tools) {
        this.tools = Set.copyOf(tools);
    }

    public List<SyncPromptSpecification> specifications() {
        return List.of(
                new SyncPromptSpecification(new McpSchema.Prompt(ANALYSE, "Analyse this period",
                        "Analyse the collected production traffic of a period: what users do, what fails, what tests should cover.",
                        List.of(new McpSchema.PromptArgument("from", "Start of the period (ISO date), if not all of it", false),
                                new McpSchema.PromptArgument("to", "End of the period (ISO date)", false),
                                new McpSchema.PromptArgument("focus", "A service, feature or concern to focus on", false))),
                        (exchange, request) -> message("Analyse this period", analyse(request.arguments()))),
                new SyncPromptSpecification(new McpSchema.Prompt(CHARTER, "Exploratory test charter",
                        "Write an exploratory test charter for a feature from the real traffic, with the method QA uses.",
                        List.of(new McpSchema.PromptArgument("feature", "The feature to explore, e.g. refunds", true),
                                new McpSchema.PromptArgument("service", "The service it belongs to", false))),
                        (exchange, request) -> message("Exploratory charter", charter(request.arguments()))));
    }

    String analyse(Map<String, Object> arguments) {
        String period = period(arguments);
        String focus = text(arguments, "focus");
        StringBuilder s = new StringBuilder();
        s.append("Analyse the masked production traffic").append(period).append(focus == null ? "" : ", focusing on " + focus)
                .append(", for a QA engineer who will turn it into end-to-end tests.\n\n");
        s.append("1. Call summarize_traffic: state the period, the services, exchanges and sessions, the status mix and how many ")
                .append("records were quarantined (and why). Page through routes if the busiest ones do not tell the story.\n");
        if (tools.contains("list_flows")) {
            s.append("2. Call list_flows: the most frequent user flows, their share of sessions and whether existing tests cover them.\n");
        } else {
            s.append("2. Find the frequent user flows: call get_flow_sequences with the busiest routes (match=contains) and read ")
                    .append("the variants; or use query to count sessions by their route sequence.\n");
        }
        if (tools.contains("list_edge_cases")) {
            s.append("3. Call list_edge_cases: rare statuses, retries, idempotency replays, timeouts.\n");
        } else {
            s.append("3. Find the edge cases with query: 4xx/5xx statuses by route, rare routes, repeated calls within a session, ")
                    .append("slow calls (duration_ms). Look at one example session of each with get_flow_sequences(sessionId).\n");
        }
        if (tools.contains("search_tests")) {
            s.append("4. Call search_tests to see which of these flows existing tests already cover, and read its gaps.\n");
        }
        if (tools.contains("check_schema_drift")) {
            s.append("5. For each service with a source database, call check_schema_drift: say whether schemas/ needs an update")
                    .append(tools.contains("get_schema") ? " (get_schema shows a table in full)" : "").append(".\n");
        }
        s.append("\nCheck every number you report against a tool answer; say where the data is thin. End with a ranked list: ")
                .append("flows and edge cases worth a scenario first (by share of sessions and by business risk: payments, ")
                .append("refunds, money and personal data before browsing), each with the evidence (counts, a session id).");
        if (tools.contains("generate_scenarios")) {
            s.append(" Offer generate_scenarios for the top of the list (topFlows, topEdgeCases).");
        }
        if (tools.contains("generate_charters")) {
            s.append(" Offer generate_charters for the features worth exploring by hand.");
        }
        if (tools.contains("generate_datasets")) {
            s.append(" Offer generate_datasets for the services whose flows need data");
            s.append(tools.contains("open_pull_request") ? ", and open_pull_request once the QA engineer has reviewed the files." : ".");
        }
        return s.toString();
    }

    String charter(Map<String, Object> arguments) {
        String feature = text(arguments, "feature");
        if (feature == null) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("the charter prompt needs a feature").build();
        }
        String service = text(arguments, "service");
        return "Write an exploratory test charter for " + feature + (service == null ? "" : " of the " + service + " service")
                + ", as Markdown for charters/" + (service == null ? "<service>" : service) + "/" + slug(feature) + ".md.\n\n"
                + (tools.contains("generate_charters") ? "Start from the draft generate_charters writes for it (service and feature "
                + "arguments) and refine it with the method below.\n\n" : "")
                + "The method:\n"
                + "1. Gather the context first: summarize_traffic for the routes of this feature, get_flow_sequences for how real "
                + "sessions use it (the variants and their counts), query for its statuses, errors and rare paths"
                + (tools.contains("list_flows") ? ", list_flows (route filter) for its flows and their priority" : "")
                + (tools.contains("list_edge_cases") ? ", list_edge_cases for its edge cases" : "")
                + (tools.contains("search_tests") ? ", search_tests for what existing tests already cover (explore the gaps first)" : "")
                + (tools.contains("get_schema") ? ", get_schema for the tables it writes" : "") + ". Use only masked values.\n"
                + "2. Check each step was really done: every step of the charter must come from a route and a status seen in the "
                + "traffic, or say plainly that it is a hypothesis to try. Name the session id you took it from.\n"
                + "3. Order by product priority: what loses money, breaks data or blocks users first; cosmetic last.\n"
                + "4. Write concrete steps with the values to enter (amounts, currencies, card types, ids from the masked data), "
                + "and what to observe after each.\n"
                + "5. Put combinations and edge cases first: repeated and concurrent requests, idempotency keys reused, partial "
                + "refunds adding up past the total, expired or declined cards, 3-D Secure abandoned, paging limits, time zones.\n"
                + "6. Format every step as a `- [ ]` checklist item, grouped under a mission line, a list of risks, and a "
                + "notes section for what the tester finds.\n";
    }

    private static McpSchema.GetPromptResult message(String description, String text) {
        return new McpSchema.GetPromptResult(description,
                List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
    }

    private static String period(Map<String, Object> arguments) {
        String from = text(arguments, "from");
        String to = text(arguments, "to");
        if (from == null && to == null) {
            return " in the analysis store";
        }
        return " from " + (from == null ? "the start" : from) + " to " + (to == null ? "the end" : to);
    }

    private static String text(Map<String, Object> arguments, String name) {
        Object value = arguments == null ? null : arguments.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static String slug(String text) {
        String slug = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "feature" : slug;
    }
}
