package io.prod2test.mcp;

/**
 * What a client is told about a tool.
 *
 * @param name        the name it is called by, lower case with underscores ({@code summarize_traffic})
 * @param title       a short human title
 * @param description what it does, when an LLM should use it and what the answer holds
 * @param input       the arguments, advertised and enforced
 * @param readOnly    whether it only reads; a tool that writes (inside the asset repository) says false
 */
public record ToolDescription(String name, String title, String description, InputSchema input, boolean readOnly) {
    public ToolDescription {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("a tool name is lower case letters, digits and '_', was '" + name + "'");
        }
        if (title == null || title.isBlank() || description == null || description.length() < 40 || input == null) {
            throw new IllegalArgumentException("tool '" + name + "' needs a title, an input schema and a description of at least"
                    + " 40 characters that says when to use it");
        }
    }
}
