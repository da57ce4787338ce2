package io.prod2test.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.prod2test.runner.Assets;
import io.prod2test.runner.LoadedScenario;
import io.prod2test.runner.ScenarioCatalog;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** scenario.schema.json and the reader agree: what one accepts the other accepts, and the writer's output satisfies both. */
class ScenarioSchemaTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private static JsonSchema schema() throws Exception {
        try (InputStream in = ScenarioReader.class.getResourceAsStream("scenario.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<ValidationMessage> validate(String yaml) throws Exception {
        JsonNode node = YAML.readTree(yaml);
        return schema().validate(node);
    }

    @Test
    void everyFixtureAndItsWrittenFormSatisfyTheSchema() throws Exception {
        List<LoadedScenario> all = new ArrayList<>(ScenarioCatalog.load(Assets.repo(), "payments"));
        all.addAll(ScenarioCatalog.load(Assets.repo(), "shop"));
        for (LoadedScenario loaded : all) {
            String yaml = Files.readString(loaded.dir().resolve("scenario.yaml"));
            assertThat(validate(yaml)).as(loaded.key()).isEmpty();
            assertThat(validate(ScenarioWriter.toYaml(loaded.scenario()))).as(loaded.key() + " written").isEmpty();
        }
    }

    @Test
    void whatTheReaderRejectsTheSchemaRejectsToo() throws Exception {
        String base = Files.readString(Assets.repo().resolve("scenarios/payments/pay-0004-refund-above-captured/scenario.yaml"));
        String[][] broken = {
            {"priority: medium", "priority: urgent"},
            {"      status: 422", "      status: 99"},
            {"      method: POST", "      method: post"},
            {"        /message:\n          type: string\n          why: wording for people, free to change",
             "        /message:\n          type: string"},
            {"    expect:", "    expekt: {}\n    expect:"},
            {"  session: s-a41e9902", "  sesion: s-a41e9902"},
        };
        for (String[] change : broken) {
            String yaml = base.replace(change[0], change[1]);
            assertThat(yaml).as("the fixture changed").isNotEqualTo(base);
            assertThat(validate(yaml)).as(change[1]).isNotEmpty();
            assertThatThrownBy(() -> ScenarioReader.parse("scenario.yaml", yaml, null, "expected.sql", null)).as(change[1])
                    .hasMessageStartingWith("scenario.yaml:");
        }
    }
}
