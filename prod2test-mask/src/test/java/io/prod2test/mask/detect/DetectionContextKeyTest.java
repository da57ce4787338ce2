package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import io.prod2test.mask.PiiKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The masker remembers detections by {@link Detectors#contextKey} and text: fields with equal
 * keys must give every text the same detections. Checked over the labelled corpus's texts and a
 * spread of field names (every name of the corpus, folded variants, id-like path segments,
 * parents that name things and that do not) and locations.
 */
class DetectionContextKeyTest {
    private static final Detectors DETECTORS = Detectors.standard();

    @Test
    void fieldsWithEqualKeysGetEqualDetections() throws IOException {
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("name", "Name", "first_name", "productName", "holderName", "email", "phone", "tel",
                "address", "addressLine1", "postalCode", "zip", "dateOfBirth", "birthday", "myNumber", "orderNo", "card", "cardNumber",
                "cvc", "password", "authorization", "proxy-authorization", "sid", "cart_245984561ac0", "cus_0a6a2585179e", "items",
                "customers", "氏名", "郵便番号", "電話番号", "生年月日", "マイナンバー", "法人番号", "token", "api_key", "description", "note"));
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = DetectionContextKeyTest.class.getResourceAsStream("/detect/corpus.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item = json.readTree(line);
                if (texts.size() < 1000 && item.get("id").asText().hashCode() % 4 == 0) {
                    texts.add(item.get("text").asText()); // a quarter of the corpus: the test compares each group on each text
                }
                if (item.hasNonNull("field")) {
                    names.add(item.get("field").asText());
                }
            }
        }
        List<String> parents = List.of("", "$.items[3].", "$.customer.", "/carts/cart_1/");
        Map<Object, List<FieldContext>> byKey = new LinkedHashMap<>();
        for (Location location : List.of(Location.REQUEST_BODY, Location.RESPONSE_HEADER, Location.COOKIE, Location.PATH_SEGMENT,
                Location.COLUMN, Location.TEXT)) {
            for (String name : Set.copyOf(names)) {
                for (String parent : parents) {
                    String path = parent.startsWith("/") ? parent + name : parent.isEmpty() ? name : parent + name;
                    FieldContext field = location == Location.COLUMN ? new FieldContext(location, name, "t." + name)
                            : new FieldContext(location, name, path);
                    byKey.computeIfAbsent(DETECTORS.contextKey(field), k -> new ArrayList<>()).add(field);
                }
            }
            byKey.computeIfAbsent(DETECTORS.contextKey(new FieldContext(location, null, "")), k -> new ArrayList<>())
                    .add(new FieldContext(location, null, ""));
        }
        assertThat(byKey.size()).as("fields collapse into fewer keys").isLessThan(names.size() * parents.size());
        int compared = 0;
        for (List<FieldContext> fields : byKey.values()) {
            if (fields.size() < 2) {
                continue;
            }
            // a few fields of each group against its first, on every text
            FieldContext first = fields.get(0);
            for (String text : texts) {
                List<Detection> expected = DETECTORS.detect(text, first);
                for (int i = 1; i < fields.size(); i += Math.max(1, fields.size() / 3)) {
                    assertThat(DETECTORS.detect(text, fields.get(i))).as("%s vs %s on %s", first, fields.get(i), text).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(2_000);
    }

    @Test
    void withADetectorOfItsOwnTheKeyIsTheWholeField() {
        Detector custom = new Detector() {
            @Override
            public String name() {
                return "custom";
            }

            @Override
            public Set<PiiKind> kinds() {
                return Set.of(PiiKind.IDENTIFIER);
            }

            @Override
            public List<Detection> detect(String text, FieldContext field) {
                return List.of();
            }
        };
        Detectors detectors = Detectors.of(List.of(custom, new EmailDetector()));
        FieldContext field = new FieldContext(Location.REQUEST_BODY, "id", "$.items[0].id");
        assertThat(detectors.contextKey(field)).isEqualTo(field);
        assertThat(DETECTORS.contextKey(field)).isNotEqualTo(field)
                .isEqualTo(DETECTORS.contextKey(new FieldContext(Location.RESPONSE_BODY, "id", "$.items[7].id")));
    }
}
