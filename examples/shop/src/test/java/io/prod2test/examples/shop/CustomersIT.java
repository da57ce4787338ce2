package io.prod2test.examples.shop;

import static io.prod2test.examples.shop.ShopFixture.cardBody;
import static io.prod2test.examples.shop.ShopFixture.customerBody;
import static io.prod2test.examples.shop.ShopFixture.email;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.examples.shop.ShopFixture.Reply;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalogue, customers, KYC and saved cards, over HTTP against the real services. */
class CustomersIT {
    private static ShopFixture world;

    @BeforeAll
    static void start() {
        world = ShopFixture.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void healthAnswers200() {
        assertThat(world.get("/health").status()).isEqualTo(200);
    }

    @Test
    void listsTheCatalogueWithJpyAndUsdPrices() {
        Reply all = world.get("/products");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().get("items")).hasSizeGreaterThanOrEqualTo(15);
        JsonNode umbrella = world.get("/products/UMBRELLA-FOLD").body();
        assertThat(umbrella.get("nameEn").asText()).isEqualTo("Folding umbrella");
        assertThat(umbrella.get("nameJa").asText()).isEqualTo("折りたたみ傘");
        assertThat(umbrella.at("/prices/JPY").decimalValue().toString()).isEqualTo("4980");
        assertThat(umbrella.at("/prices/USD").decimalValue().toString()).isEqualTo("49.80");
        JsonNode gift = world.get("/products/GIFT-CARD").body();
        assertThat(gift.get("giftCard").asBoolean()).isTrue();
        assertThat(gift.get("prices").isNull()).isTrue();
    }

    @Test
    void unknownProductsAndRoutesAre404InTheErrorShape() {
        Reply product = world.get("/products/NO-SUCH-THING");
        assertThat(product.status()).isEqualTo(404);
        assertThat(product.error()).isEqualTo("not_found");
        assertThat(product.text("message")).contains("NO-SUCH-THING");
        Reply route = world.get("/no/such/route");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.error()).isEqualTo("not_found");
    }

    @Test
    void createsACustomerWithTheEmailTrimmedAndLowerCased() {
        String typed = "  " + email("Hanako.Sato").replace("example.com", "Example.COM") + " ";
        Reply created = world.post("/customers", customerBody(typed));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).matches("cus_[0-9a-f]{12}");
        assertThat(created.text("email")).isEqualTo(typed.strip().toLowerCase());
        assertThat(created.text("name")).isEqualTo("山田 太郎");
        assertThat(created.text("nameKana")).isEqualTo("ヤマダ タロウ");
        assertThat(created.text("dateOfBirth")).isEqualTo("1985-07-07");
        assertThat(created.text("kycStatus")).isEqualTo("unverified");
        assertThat(created.text("createdAt")).isNotBlank();

        Reply read = world.get("/customers/" + created.text("id"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void aDifferentlyCasedDuplicateEmailIs409() {
        String email = email("ichiro.suzuki");
        assertThat(world.post("/customers", customerBody(email)).status()).isEqualTo(201);
        Reply duplicate = world.post("/customers", customerBody(" " + email.toUpperCase() + " "));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.error()).isEqualTo("email_taken");
    }

    @Test
    void rejectsInvalidSignUpsWith422NamingTheField() {
        record Case(String field, Object value, String error) {
        }
        String future = LocalDate.now().plusDays(1).toString();
        String seventeen = LocalDate.now().minusYears(18).plusDays(1).toString();
        List<Case> cases = List.of(
                new Case("email", "not-an-email", "invalid_email"),
                new Case("name", "", "invalid_name"),
                new Case("name", "n".repeat(201), "invalid_name"),
                new Case("dateOfBirth", future, "invalid_date_of_birth"),
                new Case("dateOfBirth", seventeen, "under_age"),
                new Case("phone", "abc", "invalid_phone"),
                new Case("locale", "??", "invalid_locale"));
        for (Case c : cases) {
            ObjectNode body = customerBody(email("invalid"));
            body.set(c.field(), ShopFixture.MAPPER.valueToTree(c.value()));
            Reply reply = world.post("/customers", body);
            assertThat(reply.status()).as(c.toString()).isEqualTo(422);
            assertThat(reply.error()).as(c.toString()).isEqualTo(c.error());
            assertThat(reply.text("field")).as(c.toString()).isEqualTo(c.field());
            assertThat(reply.text("message")).as(c.toString()).isNotBlank();
        }
    }

    @Test
    void acceptsUnicodeAndEmojiNamesUpTo200Characters() {
        for (String name : List.of("Zoë Ångström", "Nguyễn Thị Minh Khai", "👩‍💻 Dev", "🍣".repeat(200), "n".repeat(200))) {
            ObjectNode body = customerBody(email("unicode"));
            body.put("name", name);
            body.remove("nameKana");
            body.put("locale", "en-US");
            Reply reply = world.post("/customers", body);
            assertThat(reply.status()).as(name).isEqualTo(201);
            assertThat(world.get("/customers/" + reply.text("id")).text("name")).isEqualTo(name);
        }
    }

    @Test
    void malformedJsonIs400AndUnknownCustomersAre404() {
        Reply malformed = world.post("/customers", "{\"email\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error()).isEqualTo("invalid_json");
        Reply unknown = world.get("/customers/cus_000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("not_found");
    }

    @Test
    void verifiesAValidMyNumberWithoutEverReturningIt() {
        String customer = world.newCustomer();
        Reply kyc = world.put("/customers/" + customer + "/kyc", Map.of("myNumber", "123456789018"));
        assertThat(kyc.status()).isEqualTo(200);
        assertThat(kyc.text("customerId")).isEqualTo(customer);
        assertThat(kyc.text("status")).isEqualTo("verified");
        assertThat(kyc.text("verifiedAt")).isNotBlank();
        assertThat(kyc.body().toString()).doesNotContain("123456789018");
        Reply read = world.get("/customers/" + customer);
        assertThat(read.text("kycStatus")).isEqualTo("verified");
        assertThat(read.body().toString()).doesNotContain("123456789018");
    }

    @Test
    void rejectsMyNumbersWithAWrongCheckDigitOrShape() {
        String customer = world.newCustomer();
        for (Object number : List.of("123456789012", "12345678901", "1234567890188", "12345678901a", 123456789018L)) {
            Reply reply = world.put("/customers/" + customer + "/kyc", Map.of("myNumber", number));
            assertThat(reply.status()).as(number.toString()).isEqualTo(422);
            assertThat(reply.error()).isEqualTo("invalid_my_number");
            assertThat(reply.text("field")).isEqualTo("myNumber");
        }
        assertThat(world.get("/customers/" + customer).text("kycStatus")).isEqualTo("unverified");
        assertThat(world.put("/customers/cus_000000000000/kyc", Map.of("myNumber", "123456789018")).status()).isEqualTo(404);
    }

    @Test
    void savesListsAndRemovesCardsThroughPaymentsTokens() throws Exception {
        String customer = world.newCustomer();
        Reply added = world.post("/customers/" + customer + "/cards", cardBody(ShopFixture.VISA));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.text("id")).matches("card_[0-9a-f]{12}");
        assertThat(added.text("brand")).isEqualTo("visa");
        assertThat(added.text("last4")).isEqualTo("4242");
        assertThat(added.body().get("expMonth").asInt()).isEqualTo(12);
        assertThat(added.body().get("expYear").asInt()).isEqualTo(2031);
        assertThat(added.body().has("token")).isFalse();
        assertThat(added.body().toString()).doesNotContain(ShopFixture.VISA);

        String second = world.addCard(customer, "5555555555554444");
        Reply list = world.get("/customers/" + customer + "/cards");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items")).extracting(n -> n.get("id").asText()).containsExactly(added.text("id"), second);
        assertThat(list.body().get("items").get(1).get("brand").asText()).isEqualTo("mastercard");

        assertThat(world.delete("/customers/" + customer + "/cards/" + added.text("id")).status()).isEqualTo(204);
        assertThat(world.get("/customers/" + customer + "/cards").body().get("items"))
                .extracting(n -> n.get("id").asText()).containsExactly(second);
        Reply again = world.delete("/customers/" + customer + "/cards/" + added.text("id"));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).isEqualTo("not_found");
        String other = world.newCustomer();
        assertThat(world.delete("/customers/" + other + "/cards/" + second).status()).isEqualTo(404);

        assertThat(databaseText()).doesNotContain(ShopFixture.VISA, "5555555555554444");
    }

    @Test
    void passesOnPaymentsRefusalOfACard() {
        String customer = world.newCustomer();
        Reply luhn = world.post("/customers/" + customer + "/cards", cardBody("4242424242424241"));
        assertThat(luhn.status()).isEqualTo(422);
        assertThat(luhn.error()).isEqualTo("invalid_card_number");
        assertThat(luhn.text("field")).isEqualTo("number");

        ObjectNode badMonth = cardBody(ShopFixture.VISA).put("expMonth", 13);
        Reply expiry = world.post("/customers/" + customer + "/cards", badMonth);
        assertThat(expiry.status()).isEqualTo(422);
        assertThat(expiry.error()).isEqualTo("invalid_expiry");
        assertThat(world.get("/customers/" + customer + "/cards").body().get("items")).isEmpty();
        assertThat(world.post("/customers/cus_000000000000/cards", cardBody(ShopFixture.VISA)).status()).isEqualTo(404);
    }

    /** Every text value of the shop's card table, to prove card numbers never reach it. */
    private static String databaseText() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(world.databases().jdbcUrl("shop"));
             ResultSet rs = c.createStatement().executeQuery("SELECT * FROM cards")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
            }
        }
        return String.join("|", values);
    }
}
