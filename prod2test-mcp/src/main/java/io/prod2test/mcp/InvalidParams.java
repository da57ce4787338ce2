package io.prod2test.mcp;

/**
 * A tool call whose arguments break the tool's input schema or rules: answered as a JSON-RPC
 * invalid-params error (-32602), not as a tool result, so the client knows the call itself was wrong.
 */
public final class InvalidParams extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidParams(String message) {
        super(message);
    }
}
