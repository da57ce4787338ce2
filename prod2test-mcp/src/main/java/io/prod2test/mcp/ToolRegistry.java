package io.prod2test.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mcp.analyse.ListEdgeCasesTool;
import io.prod2test.mcp.analyse.ListFlowsTool;
import io.prod2test.mcp.analyse.SearchTestsTool;
import io.prod2test.mcp.generate.CheckSchemaDriftTool;
import io.prod2test.mcp.generate.GenerateDatasetsTool;
import io.prod2test.mcp.generate.GenerateScenariosTool;
import io.prod2test.mcp.generate.GetSchemaTool;
import io.prod2test.mcp.publish.OpenPullRequestTool;
import io.prod2test.mcp.report.GenerateChartersTool;
import io.prod2test.mcp.traffic.FlowSequencesTool;
import io.prod2test.mcp.traffic.QueryTool;
import io.prod2test.mcp.traffic.SummarizeTrafficTool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tools the server offers, and the one place where calls are validated and failures shaped. */
public final class ToolRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ToolRegistry.class);

    private final Map<String, McpTool> tools = new LinkedHashMap<>();
    private final List<Runnable> afterCall = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The tools of the stages this build has. A stage that lands adds its tool class and one line
     * here; no tool is registered before it really works.
     */
    public static ToolRegistry standard(McpContext context) {
        return new ToolRegistry()
                .register(new SummarizeTrafficTool(context))
                .register(new ListFlowsTool(context))
                .register(new ListEdgeCasesTool(context))
                .register(new SearchTestsTool(context))
                .register(new GetSchemaTool(context))
                .register(new CheckSchemaDriftTool(context))
                .register(new FlowSequencesTool(context))
                .register(new GenerateScenariosTool(context))
                .register(new GenerateDatasetsTool(context))
                .register(new GenerateChartersTool(context))
                .register(new QueryTool(context))
                .register(new OpenPullRequestTool(context));
    }

    public ToolRegistry register(McpTool tool) {
        if (tools.putIfAbsent(tool.name(), tool) != null) {
            throw new IllegalArgumentException("tool '" + tool.name() + "' is registered twice");
        }
        return this;
    }

    /** Runs after every call (e.g. to refresh the resource list when a tool wrote files). */
    public ToolRegistry afterEachCall(Runnable hook) {
        afterCall.add(hook);
        return this;
    }

    public List<McpTool> tools() {
        return List.copyOf(tools.values());
    }

    /** The tools as the SDK's specifications. */
    public List<SyncToolSpecification> specifications(McpJsonMapper json) {
        List<SyncToolSpecification> specs = new ArrayList<>();
        for (McpTool tool : tools.values()) {
            ToolDescription d = tool.description();
            McpSchema.Tool described = McpSchema.Tool.builder()
                    .name(d.name())
                    .title(d.title())
                    .description(d.description())
                    .inputSchema(d.input().json())
                    .annotations(new McpSchema.ToolAnnotations(d.title(), d.readOnly(), false, d.readOnly(), false, null))
                    .build();
            specs.add(SyncToolSpecification.builder().tool(described)
                    .callHandler((exchange, request) -> call(json, tool, request.arguments())).build());
        }
        return specs;
    }

    /** How many tool calls are running now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Validates, calls and shapes the answer; what a client sees for any call. */
    McpSchema.CallToolResult call(McpJsonMapper json, McpTool tool, Map<String, Object> rawArguments) {
        inFlight.incrementAndGet();
        try {
            return validateAndCall(json, tool, rawArguments);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private McpSchema.CallToolResult validateAndCall(McpJsonMapper json, McpTool tool, Map<String, Object> rawArguments) {
        Arguments arguments;
        try {
            arguments = tool.description().input().validate(rawArguments);
        } catch (InvalidParams e) {
            throw invalidParams(tool, e);
        }
        try {
            Object answer = tool.call(arguments);
            return McpSchema.CallToolResult.builder()
                    .addTextContent(json.writeValueAsString(answer))
                    .structuredContent(json.convertValue(answer, Map.class))
                    .isError(false)
                    .build();
        } catch (InvalidParams e) {
            throw invalidParams(tool, e);
        } catch (Prod2TestException e) {
            return failure(tool.name() + " failed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("tool {} failed", tool.name(), e);
            return failure(tool.name() + " failed unexpectedly: " + e);
        } finally {
            afterCall.forEach(Runnable::run);
        }
    }

    private static McpError invalidParams(McpTool tool, InvalidParams e) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(tool.name() + ": " + e.getMessage()).build();
    }

    private static McpSchema.CallToolResult failure(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
