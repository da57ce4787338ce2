package io.prod2test.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.mcp.assets.AssetResources;
import io.prod2test.mcp.prompts.Prompts;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The MCP server on a pair of streams (stdin/stdout for {@code prod2test mcp}): the tools of
 * {@link ToolRegistry#standard}, the generated files and the analysis summary as resources, and
 * the two prompts. Only JSON-RPC is written to {@code out}; the caller keeps everything else off it.
 */
public final class Prod2TestMcpServer implements AutoCloseable {
    static final String INSTRUCTIONS = "prod2test serves one analysis store of masked production traffic and one test-asset "
            + "repository. Start with summarize_traffic; study flows with get_flow_sequences; answer ad-hoc questions with the "
            + "read-only query tool; publish reviewed generated files with open_pull_request only when the user asks. All "
            + "personal values in the store are masked surrogates.";

    private static final Duration END_GRACE = Duration.ofSeconds(1);

    private final McpSyncServer server;
    private final ToolRegistry registry;
    private final CountDownLatch inputEnded = new CountDownLatch(1);
    /** Holds the end of the input back from the SDK, which would close the session on it, until the answers are out. */
    private final CountDownLatch released = new CountDownLatch(1);

    private Prod2TestMcpServer(McpContext context, InputStream in, OutputStream out) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        this.registry = ToolRegistry.standard(context);
        AssetResources resources = new AssetResources(context, json);
        Prompts prompts = new Prompts(registry.tools().stream().map(McpTool::name).collect(Collectors.toSet()));
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, new EndAware(in), out);
        this.server = McpServer.sync(transport)
                .serverInfo("prod2test", AnalysisStore.version())
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .requestTimeout(Duration.ofMinutes(5))
                .validateToolInputs(false) // InputSchema validates, and answers invalid-params errors as the protocol says
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).resources(false, true).prompts(false).build())
                .tools(registry.specifications(json))
                .resources(resources.initial())
                .prompts(prompts.specifications())
                .build();
        registry.afterEachCall(() -> resources.sync(server));
    }

    /** Starts serving; returns at once. */
    public static Prod2TestMcpServer start(McpContext context, InputStream in, OutputStream out) {
        return new Prod2TestMcpServer(context, in, out);
    }

    /**
     * Blocks until the client closes the input stream (the end of a stdio session) and the calls
     * it sent before that are answered: a script that pipes requests in and closes its end at once
     * still gets every answer.
     */
    public void awaitEnd() throws InterruptedException {
        inputEnded.await();
        Thread.sleep(END_GRACE.toMillis()); // requests read just before the end may not have reached a tool yet
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (registry.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // the last answer's write
    }

    /** The tools offered. */
    public ToolRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        released.countDown();
        server.closeGracefully();
        for (McpTool tool : registry.tools()) {
            if (tool instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing a tool's connection at the end of the session: nothing left to tell the client
                }
            }
        }
    }

    /** Notices the end of the client's stream, which is how a stdio session ends. */
    private final class EndAware extends FilterInputStream {
        EndAware(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return ended(guard(super::read));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return ended(guard(() -> super.read(b, off, len)));
        }

        private int ended(int n) throws IOException {
            if (n < 0) {
                inputEnded.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted at the end of the input", e);
                }
            }
            return n;
        }

        private int guard(IoRead read) throws IOException {
            try {
                return read.read();
            } catch (IOException e) {
                inputEnded.countDown();
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface IoRead {
        int read() throws IOException;
    }
}
