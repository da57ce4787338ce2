package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class NewCustomerTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private static ObjectNode valid() {
        ObjectNode body = Json.object();
        body.put("email", "hanako.sato@example.jp");
        body.put("name", "佐藤 花子");
        body.put("nameKana", "サトウ ハナコ");
        body.put("phone", "+81 90-1234-5678");
        body.put("postalCode", "150-0001");
        body.put("address", "東京都渋谷区神宮前1-2-3");
        body.put("dateOfBirth", "1990-04-01");
        body.put("locale", "ja-JP");
        return body;
    }

    private static NewCustomer parse(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        return NewCustomer.parse(JsonBody.parse(Json.write(body)), TODAY, true);
    }

    private static void rejected(Consumer<ObjectNode> change, String code, String field) {
        assertThatThrownBy(() -> parse(change)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(field);
        });
    }

    @Test
    void acceptsAValidSignUp() {
        NewCustomer c = parse(b -> { });
        assertThat(c.name()).isEqualTo("佐藤 花子");
        assertThat(c.dateOfBirth()).isEqualTo(LocalDate.of(1990, 4, 1));
    }

    @Test
    void normalisesTheEmailUnlessTheFaultIsOn() {
        ObjectNode body = valid().put("email", " Mixed.Case@Example.com ");
        assertThat(NewCustomer.parse(JsonBody.parse(Json.write(body)), TODAY, true).email()).isEqualTo("mixed.case@example.com");
        assertThat(NewCustomer.parse(JsonBody.parse(Json.write(body)), TODAY, false).email()).isEqualTo(" Mixed.Case@Example.com ");
    }

    @Test
    void nameKanaIsOptional() {
        assertThat(parse(b -> b.remove("nameKana")).nameKana()).isNull();
        assertThat(parse(b -> b.putNull("nameKana")).nameKana()).isNull();
    }

    @Test
    void namesUpTo200CharactersAreAcceptedCountingEmojiAsOne() {
        assertThat(parse(b -> b.put("name", "a".repeat(200))).name()).hasSize(200);
        String emoji = "😀".repeat(200); // 400 UTF-16 units, 200 characters
        assertThat(parse(b -> b.put("name", emoji)).name()).isEqualTo(emoji);
        assertThat(parse(b -> b.put("name", "Zoë Ångström-Łukasiewicz 🎉")).name()).isEqualTo("Zoë Ångström-Łukasiewicz 🎉");
    }

    @Test
    void rejectsEmptyBlankAndOverlongNames() {
        rejected(b -> b.put("name", ""), "invalid_name", "name");
        rejected(b -> b.put("name", "   "), "invalid_name", "name");
        rejected(b -> b.remove("name"), "invalid_name", "name");
        rejected(b -> b.put("name", "a".repeat(201)), "invalid_name", "name");
        rejected(b -> b.put("name", 42), "invalid_name", "name");
    }

    @Test
    void adultsOnlyCountingTheBirthdayItself() {
        assertThat(parse(b -> b.put("dateOfBirth", "2007-06-15")).dateOfBirth()).isEqualTo(LocalDate.of(2007, 6, 15));
        rejected(b -> b.put("dateOfBirth", "2007-06-16"), "under_age", "dateOfBirth");
        rejected(b -> b.put("dateOfBirth", "2020-01-01"), "under_age", "dateOfBirth");
    }

    @Test
    void rejectsFutureAndMalformedDatesOfBirth() {
        rejected(b -> b.put("dateOfBirth", "2025-06-16"), "invalid_date_of_birth", "dateOfBirth");
        rejected(b -> b.put("dateOfBirth", "15/06/1990"), "invalid_date_of_birth", "dateOfBirth");
        rejected(b -> b.put("dateOfBirth", "1990-02-30"), "invalid_date_of_birth", "dateOfBirth");
        rejected(b -> b.put("dateOfBirth", "1899-12-31"), "invalid_date_of_birth", "dateOfBirth");
        rejected(b -> b.remove("dateOfBirth"), "invalid_date_of_birth", "dateOfBirth");
    }

    @Test
    void rejectsBadEmails() {
        rejected(b -> b.put("email", "not-an-address"), "invalid_email", "email");
        rejected(b -> b.remove("email"), "invalid_email", "email");
        rejected(b -> b.put("email", 7), "invalid_email", "email");
    }

    @Test
    void checksTheOtherFields() {
        rejected(b -> b.put("nameKana", "Sato"), "invalid_name_kana", "nameKana");
        rejected(b -> b.put("phone", "call me"), "invalid_phone", "phone");
        rejected(b -> b.put("phone", "123"), "invalid_phone", "phone");
        rejected(b -> b.put("postalCode", ""), "invalid_postal_code", "postalCode");
        rejected(b -> b.put("address", " "), "invalid_address", "address");
        rejected(b -> b.put("address", "x".repeat(501)), "invalid_address", "address");
        rejected(b -> b.put("locale", "Japanese"), "invalid_locale", "locale");
        assertThat(parse(b -> b.put("locale", "en-US")).locale()).isEqualTo("en-US");
        assertThat(parse(b -> b.put("phone", "(555) 010-4477")).phone()).isEqualTo("(555) 010-4477");
    }

    @Test
    void readsJapaneseForJapaneseLocales() {
        assertThat(NewCustomer.readsJapanese("ja-JP")).isTrue();
        assertThat(NewCustomer.readsJapanese("en-US")).isFalse();
    }
}
