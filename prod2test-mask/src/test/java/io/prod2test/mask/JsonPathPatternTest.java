package io.prod2test.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathPatternTest {

    @Test
    void anExactPathMatchesOnlyThatField() {
        JsonPathPattern pattern = JsonPathPattern.parse("$.customer.email");

        assertThat(pattern.matches(List.of("customer", "email"))).isTrue();
        assertThat(pattern.matches(List.of("email"))).isFalse();
        assertThat(pattern.matches(List.of("customer", "email", "x"))).isFalse();
    }

    @Test
    void aWildcardIndexMatchesEveryArrayElement() {
        JsonPathPattern pattern = JsonPathPattern.parse("$.items[*].name");

        assertThat(pattern.matches(List.of("items", 0, "name"))).isTrue();
        assertThat(pattern.matches(List.of("items", 12, "name"))).isTrue();
        assertThat(pattern.matches(List.of("items", "0", "name"))).isFalse();
    }

    @Test
    void aDescendantMatchesTheFieldAtAnyDepth() {
        JsonPathPattern pattern = JsonPathPattern.parse("$..email");

        assertThat(pattern.matches(List.of("email"))).isTrue();
        assertThat(pattern.matches(List.of("a", 3, "b", "email"))).isTrue();
        assertThat(pattern.matches(List.of("email", "x"))).isFalse();
        assertThat(JsonPathPattern.parse("$..card.number").matches(List.of("x", "card", "number"))).isTrue();
    }

    @Test
    void explainsAMalformedPattern() {
        assertThatThrownBy(() -> JsonPathPattern.parse("customer.email")).hasMessageContaining("starts with '$'");
        assertThatThrownBy(() -> JsonPathPattern.parse("$.a[0]")).hasMessageContaining("position 3");
        assertThatThrownBy(() -> JsonPathPattern.parse("$.a..")).hasMessageContaining("empty field name");
    }
}
