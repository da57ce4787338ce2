package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.examples.shop.ShopFixture.Reply;
import io.prod2test.examples.support.Fault;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Carts, their totals and checkout through the real payments service. */
class CheckoutIT {
    private static ShopFixture world;

    @BeforeAll
    static void start() {
        world = ShopFixture.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void createsEmptyCartsInJpyAndUsd() {
        String customer = world.newCustomer();
        Reply jpy = world.post("/carts", Map.of("customerId", customer, "currency", "JPY"));
        assertThat(jpy.status()).isEqualTo(201);
        assertThat(jpy.text("id")).matches("cart_[0-9a-f]{12}");
        assertThat(jpy.text("customerId")).isEqualTo(customer);
        assertThat(jpy.text("status")).isEqualTo("open");
        assertThat(jpy.body().get("items")).isEmpty();
        assertThat(jpy.body().get("total").decimalValue().toString()).isEqualTo("0");
        Reply usd = world.post("/carts", Map.of("customerId", customer, "currency", "USD"));
        assertThat(usd.body().get("total").decimalValue().toString()).isEqualTo("0.00");
        assertThat(world.get("/carts/" + jpy.text("id")).body()).isEqualTo(jpy.body());
    }

    @Test
    void rejectsCartsForUnknownCustomersOrCurrencies() {
        String customer = world.newCustomer();
        Reply eur = world.post("/carts", Map.of("customerId", customer, "currency", "EUR"));
        assertThat(eur.status()).isEqualTo(422);
        assertThat(eur.error()).isEqualTo("unsupported_currency");
        assertThat(eur.text("field")).isEqualTo("currency");
        Reply nobody = world.post("/carts", Map.of("customerId", "cus_000000000000", "currency", "JPY"));
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.text("field")).isEqualTo("customerId");
        assertThat(world.get("/carts/cart_000000000000").status()).isEqualTo(404);
    }

    @Test
    void totalsAreQuantityTimesUnitPriceAndLinesMerge() {
        String cart = world.newCart(world.newCustomer(), "JPY");
        Reply three = world.addItem(cart, "MUG-HASAMI", 3);
        assertThat(three.status()).isEqualTo(200);
        assertThat(three.body().at("/items/0/name").asText()).isEqualTo("波佐見焼 マグカップ");
        assertThat(three.body().at("/items/0/unitPrice").decimalValue()).isEqualByComparingTo("2200");
        assertThat(three.body().get("total").decimalValue()).isEqualByComparingTo("6600");
        world.addItem(cart, "NOTEBOOK-A5", 1);
        Reply more = world.addItem(cart, "MUG-HASAMI", 2);
        assertThat(more.body().get("items")).hasSize(2);
        assertThat(more.body().at("/items/0/quantity").asInt()).isEqualTo(5);
        assertThat(more.body().get("total").decimalValue()).isEqualByComparingTo("11880"); // 5 x 2200 + 880
    }

    @Test
    void usdCartsUseUsdPrices() {
        String cart = world.newCart(world.newCustomer(), "USD");
        Reply reply = world.addItem(cart, "UMBRELLA-FOLD", 2);
        assertThat(reply.body().at("/items/0/unitPrice").decimalValue().toString()).isEqualTo("49.80");
        assertThat(reply.body().get("total").decimalValue().toString()).isEqualTo("99.60");
    }

    @Test
    void rejectsBadItems() {
        String cart = world.newCart(world.newCustomer(), "JPY");
        Reply unknown = world.addItem(cart, "NO-SUCH-SKU", 1);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("field")).isEqualTo("sku");
        for (int quantity : new int[] {0, -1, 100}) {
            Reply reply = world.addItem(cart, "MUG-HASAMI", quantity);
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.error()).isEqualTo("invalid_quantity");
        }
        Reply twoGiftCards = world.post("/carts/" + cart + "/items", Map.of("sku", "GIFT-CARD", "quantity", 2, "amount", 1000));
        assertThat(twoGiftCards.status()).isEqualTo(422);
        Reply noAmount = world.post("/carts/" + cart + "/items", Map.of("sku", "GIFT-CARD", "quantity", 1));
        assertThat(noAmount.error()).isEqualTo("invalid_amount");
        assertThat(world.addItem("cart_000000000000", "MUG-HASAMI", 1).status()).isEqualTo(404);
    }

    @Test
    void giftCardsCarryTheirAmountAsGiven() {
        String cart = world.newCart(world.newCustomer(), "JPY");
        world.addGiftCard(cart, 5000);
        world.addGiftCard(cart, 0);
        Reply reply = world.addGiftCard(cart, new BigDecimal("4980.5"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("items")).extracting(i -> i.get("unitPrice").decimalValue().toString())
                .containsExactly("5000", "0", "4980.5");
        assertThat(reply.body().get("total").decimalValue()).isEqualByComparingTo("9980.5");
    }

    @Test
    void checkoutAuthorisesThroughPaymentsAndPays() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "MUG-HASAMI", 2);
        Reply order = world.checkout(cart, card, key());
        assertThat(order.status()).isEqualTo(201);
        assertThat(order.text("id")).matches("ord_[0-9a-f]{12}");
        assertThat(order.text("status")).isEqualTo("paid");
        assertThat(order.text("customerId")).isEqualTo(customer);
        assertThat(order.text("currency")).isEqualTo("JPY");
        assertThat(order.body().get("amount").decimalValue()).isEqualByComparingTo("4400");
        assertThat(order.body().at("/items/0/sku").asText()).isEqualTo("MUG-HASAMI");
        assertThat(order.body().at("/items/0/quantity").asInt()).isEqualTo(2);
        assertThat(order.body().at("/items/0/unitPrice").decimalValue()).isEqualByComparingTo("2200");
        assertThat(order.body().has("challenge")).isFalse();
        assertThat(world.get("/carts/" + cart).text("status")).isEqualTo("checked_out");

        Reply payment = world.payment(order.text("paymentId"));
        assertThat(payment.text("status")).isEqualTo("authorized");
        assertThat(payment.body().get("amount").decimalValue()).isEqualByComparingTo("4400");
        assertThat(payment.text("orderRef")).isEqualTo(order.text("id"));

        Reply again = world.checkout(cart, card, key());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("cart_not_open");
        assertThat(world.addItem(cart, "MUG-HASAMI", 1).status()).isEqualTo(409);
    }

    @Test
    void checksOutInUsd() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        String cart = world.newCart(customer, "USD");
        world.addItem(cart, "UMBRELLA-FOLD", 1);
        Reply order = world.checkout(cart, card, key());
        assertThat(order.status()).isEqualTo(201);
        assertThat(order.body().get("amount").decimalValue().toString()).isEqualTo("49.80");
        assertThat(world.payment(order.text("paymentId")).body().get("amount").decimalValue().toString()).isEqualTo("49.80");
    }

    @Test
    void aChallengedPaymentAwaitsAuthenticationUntilTheRightOtp() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "RICE-COOKER", 1); // 34,800 yen: above the 3-D Secure threshold
        Reply order = world.checkout(cart, card, key());
        assertThat(order.status()).isEqualTo(201);
        assertThat(order.text("status")).isEqualTo("awaiting_authentication");
        assertThat(order.body().at("/challenge/challengeId").asText()).matches("ch_[0-9a-f]{16}");

        Reply authenticated = world.post("/orders/" + order.text("id") + "/authenticate", Map.of("otp", ShopFixture.PASSING_OTP));
        assertThat(authenticated.status()).isEqualTo(200);
        assertThat(authenticated.text("status")).isEqualTo("paid");
        assertThat(authenticated.body().has("challenge")).isFalse();
        assertThat(world.payment(order.text("paymentId")).text("status")).isEqualTo("authorized");

        Reply twice = world.post("/orders/" + order.text("id") + "/authenticate", Map.of("otp", ShopFixture.PASSING_OTP));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void aFailedChallengeFailsTheOrderAndGivesTheCartBack() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA_3DS_REQUIRED);
        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "NOTEBOOK-A5", 1); // small, but the card always asks for 3-D Secure
        Reply order = world.checkout(cart, card, key());
        assertThat(order.text("status")).isEqualTo("awaiting_authentication");

        Reply failed = world.post("/orders/" + order.text("id") + "/authenticate", Map.of("otp", "000000"));
        assertThat(failed.status()).isEqualTo(402);
        assertThat(failed.error()).isEqualTo("authentication_failed");
        assertThat(world.get("/orders/" + order.text("id")).text("status")).isEqualTo("payment_failed");
        assertThat(world.get("/carts/" + cart).text("status")).isEqualTo("open");
        Reply missing = world.post("/orders/" + order.text("id") + "/authenticate", Map.of());
        assertThat(missing.status()).isEqualTo(422);
    }

    @Test
    void aDeclineIsPassedOnAndTheOrderStaysFailed() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA_INSUFFICIENT_FUNDS);
        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "TEA-SENCHA-100", 1);
        Reply declined = world.checkout(cart, card, key());
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.error()).isEqualTo("card_declined");
        assertThat(declined.text("declineCode")).isEqualTo("insufficient_funds");
        String orderId = declined.text("orderId");
        assertThat(orderId).matches("ord_[0-9a-f]{12}");
        assertThat(world.get("/orders/" + orderId).text("status")).isEqualTo("payment_failed");
        assertThat(world.get("/carts/" + cart).text("status")).isEqualTo("open");

        // The customer tries another card on the same cart.
        Reply paid = world.checkout(cart, world.addCard(customer, ShopFixture.VISA), key());
        assertThat(paid.status()).isEqualTo(201);
        assertThat(paid.text("status")).isEqualTo("paid");
    }

    @Test
    void paymentsAmountRulesDecideAboutGiftCards() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        String fractional = world.newCart(customer, "JPY");
        world.addGiftCard(fractional, new BigDecimal("4980.5"));
        Reply rejected = world.checkout(fractional, card, key());
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.error()).isEqualTo("invalid_amount");
        assertThat(world.get("/orders/" + rejected.text("orderId")).text("status")).isEqualTo("payment_failed");

        String zero = world.newCart(customer, "JPY");
        world.addGiftCard(zero, 0);
        assertThat(world.checkout(zero, card, key()).error()).isEqualTo("amount_too_small");

        String atLimit = world.newCart(customer, "JPY");
        world.addGiftCard(atLimit, 1_000_000);
        Reply limit = world.checkout(atLimit, card, key());
        assertThat(limit.status()).isEqualTo(201);
        assertThat(limit.text("status")).isEqualTo("awaiting_authentication");

        String above = world.newCart(customer, "JPY");
        world.addGiftCard(above, 1_000_001);
        assertThat(world.checkout(above, card, key()).error()).isEqualTo("amount_too_large");
    }

    @Test
    void theSameKeyReplaysTheSameOrderAndAnotherCartWithItIs409() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "CHOPSTICKS-5", 1);
        String key = key();
        Reply first = world.checkout(cart, card, key);
        Reply replay = world.checkout(cart, card, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text("id")).isEqualTo(first.text("id"));
        assertThat(replay.text("paymentId")).isEqualTo(first.text("paymentId"));
        assertThat(replay.body()).isEqualTo(first.body());

        String otherCart = world.newCart(customer, "JPY");
        world.addItem(otherCart, "CHOPSTICKS-5", 1);
        Reply reuse = world.checkout(otherCart, card, key);
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.error()).isEqualTo("idempotency_key_reuse");

        Reply noKey = world.post("/carts/" + otherCart + "/checkout", Map.of("cardId", card));
        assertThat(noKey.status()).isEqualTo(422);
        assertThat(noKey.error()).isEqualTo("missing_idempotency_key");
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneOrderAndOnePayment() throws Exception {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "TOWEL-IMABARI", 2);
        String key = key();
        List<Reply> replies;
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> world.checkout(cart, card, key)));
            }
            replies = new ArrayList<>();
            for (Future<Reply> f : futures) {
                replies.add(f.get());
            }
        }
        assertThat(replies).extracting(Reply::status).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(replies).extracting(r -> r.text("id")).containsOnly(replies.getFirst().text("id"));
        assertThat(replies).extracting(r -> r.text("paymentId")).containsOnly(replies.getFirst().text("paymentId"));
        assertThat(world.get("/customers/" + customer + "/orders").body().get("items")).hasSize(1);
    }

    @Test
    void paymentsAnswerToAReplayDecidesThePaymentId() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "SOCKS-TABI", 1);
        String key = key();
        Reply first = world.checkout(cart, card, key);
        world.payments().faults().switchOn(Fault.IDEMPOTENCY_IGNORED);
        try {
            Reply replay = world.checkout(cart, card, key);
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.text("id")).isEqualTo(first.text("id"));
            // The regressed payments made a second payment: the order now points at it, which is
            // how a test of the shop sees the regression.
            assertThat(replay.text("paymentId")).isNotEqualTo(first.text("paymentId"));
        } finally {
            world.payments().faults().switchOff(Fault.IDEMPOTENCY_IGNORED);
        }
    }

    @Test
    void aReplayOfAChallengedCheckoutDoesNotUndoTheAuthentication() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "HEADPHONES-NC", 1);
        String key = key();
        Reply first = world.checkout(cart, card, key);
        world.post("/orders/" + first.text("id") + "/authenticate", Map.of("otp", ShopFixture.PASSING_OTP));
        Reply replay = world.checkout(cart, card, key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text("status")).isEqualTo("paid");
        assertThat(replay.text("paymentId")).isEqualTo(first.text("paymentId"));
    }

    @Test
    void checkoutNeedsAnOpenNonEmptyCartAndTheCustomersOwnCard() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        String empty = world.newCart(customer, "JPY");
        Reply emptyCart = world.checkout(empty, card, key());
        assertThat(emptyCart.status()).isEqualTo(422);
        assertThat(emptyCart.error()).isEqualTo("cart_empty");

        world.addItem(empty, "MUG-HASAMI", 1);
        String strangersCard = world.addCard(world.newCustomer(), ShopFixture.VISA);
        Reply foreign = world.checkout(empty, strangersCard, key());
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.text("field")).isEqualTo("cardId");
        assertThat(world.checkout("cart_000000000000", card, key()).status()).isEqualTo(404);
    }

    @Test
    void aPaymentsOutageIs502() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ShopConfig config = ShopConfig.of(world.databases().jdbcUrl("shop"), URI.create("http://127.0.0.1:" + closedPort));
        try (ShopService isolated = ShopService.start(config)) {
            String customer = world.newCustomer();
            Reply reply = world.send(URI.create(isolated.baseUrl() + "/customers/" + customer + "/cards"), "POST",
                    ShopFixture.cardBody(ShopFixture.VISA), Map.of());
            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.error()).isEqualTo("payments_unavailable");

            String card = world.addCard(customer, ShopFixture.VISA);
            String cart = world.newCart(customer, "JPY");
            world.addItem(cart, "MUG-HASAMI", 1);
            String key = key();
            Reply outage = world.send(URI.create(isolated.baseUrl() + "/carts/" + cart + "/checkout"), "POST",
                    Map.of("cardId", card), Map.of("Idempotency-Key", key));
            assertThat(outage.status()).isEqualTo(502);
            assertThat(outage.error()).isEqualTo("payments_unavailable");

            // The retry with the same key, once payments answers, completes the very same order.
            Reply retry = world.checkout(cart, card, key);
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.text("status")).isEqualTo("paid");
            JsonNode orders = world.get("/customers/" + customer + "/orders").body().get("items");
            assertThat(orders).hasSize(1);
        }
    }
}
