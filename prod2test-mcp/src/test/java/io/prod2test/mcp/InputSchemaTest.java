package io.prod2test.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputSchemaTest {
    static final InputSchema SCHEMA = InputSchema.builder()
            .string("name", "A name.", 5, "[a-z]+")
            .integer("limit", "How many.", 1, 10, 3L)
            .choice("mode", "How.", List.of("a", "b"), "a")
            .strings("paths", "Paths.", 2, 4)
            .strings("routes", "Routes.", 3, 20, "[A-Z]+ /.*")
            .required("name")
            .build();

    @Test
    void advertisesWhatItEnforces() {
        Map<String, Object> json = SCHEMA.json();

        assertThat(json).containsEntry("type", "object").containsEntry("additionalProperties", false)
                .containsEntry("required", List.of("name"));
        assertThat(json.get("properties").toString()).contains("name={type=string, description=A name., maxLength=5, pattern=[a-z]+}")
                .contains("limit={type=integer, description=How many., minimum=1, maximum=10, default=3}")
                .contains("paths={type=array, items={type=string, maxLength=4}, minItems=1, maxItems=2");
    }

    @Test
    void fillsDefaultsAndTypesTheValues() {
        Arguments args = SCHEMA.validate(Map.of("name", "abc", "limit", 7.0, "paths", List.of("a/b")));

        assertThat(args.string("name")).contains("abc");
        assertThat(args.intValue("limit")).isEqualTo(7);
        assertThat(args.string("mode")).contains("a");
        assertThat(args.strings("paths")).contains(List.of("a/b"));
    }

    @Test
    void namesTheArgumentAndTheRuleItBreaks() {
        assertThatThrownBy(() -> SCHEMA.validate(Map.of())).hasMessage("argument 'name' is required");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", "ABC"))).hasMessageContaining("must match [a-z]+");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", "abcdef"))).hasMessageContaining("at most 5");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", "a", "limit", 2.5))).hasMessageContaining("must be an integer");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", "a", "limit", 0))).hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", "a", "mode", "c"))).hasMessageContaining("one of [a, b]");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", "a", "paths", List.of("a", "b", "c")))).hasMessageContaining("at most 2");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", "a", "paths", "a"))).hasMessageContaining("non-empty array");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", "a", "paths", List.of(1)))).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", List.of()))).hasMessageContaining("was an array");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", "a", "x", 1))).hasMessageContaining("unknown argument 'x'");
        assertThatThrownBy(() -> SCHEMA.validate(Map.of("name", "a", "routes", List.of("nope")))).hasMessageContaining("must match");
        assertThat(SCHEMA.json().get("properties").toString()).contains("routes={type=array, items={type=string, maxLength=20, pattern=[A-Z]+ /.*}");
        assertThatThrownBy(() -> InputSchema.builder().string("a", "", null, null)).hasMessageContaining("needs a description");
        assertThatThrownBy(() -> InputSchema.builder().required("nope")).hasMessageContaining("not declared");
    }

    @Test
    void aToolNeedsANameATitleAndADescriptionThatSaysWhenToUseIt() {
        assertThatThrownBy(() -> new ToolDescription("Bad-Name", "t", "x".repeat(40), SCHEMA, true)).hasMessageContaining("lower case");
        assertThatThrownBy(() -> new ToolDescription("ok", "t", "too short", SCHEMA, true)).hasMessageContaining("at least 40");
        McpTool tool = new McpTool() {
            @Override
            public ToolDescription description() {
                return new ToolDescription("echo", "Echo", "Answers its arguments; use it to check the server answers at all.", SCHEMA, true);
            }

            @Override
            public Object call(Arguments arguments) {
                return arguments.values();
            }
        };
        ToolRegistry registry = new ToolRegistry().register(tool);
        assertThat(registry.tools()).extracting(McpTool::name).containsExactly("echo");
        assertThatThrownBy(() -> registry.register(tool)).hasMessageContaining("registered twice");
    }

    @Test
    void pagesSayWhereTheNextOneStarts() {
        assertThat(Page.of(5, 0, 2, List.of(1, 2)).nextOffset()).isEqualTo(2L);
        assertThat(Page.of(5, 4, 2, List.of(5)).nextOffset()).isNull();
    }
}
