package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.examples.shop.ShopFixture.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** After checkout: shipments, refunds, reading an order and the paginated order history. */
class OrdersIT {
    private static ShopFixture world;

    @BeforeAll
    static void start() {
        world = ShopFixture.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static Reply ship(String orderId, Map<String, ?> body) {
        return world.post("/orders/" + orderId + "/shipments", body);
    }

    private static Reply refund(String orderId, Object amount) {
        return world.post("/orders/" + orderId + "/refunds", Map.of("amount", amount, "reason", "customer_request"));
    }

    @Test
    void shippingEverythingCapturesTheWholeAmount() {
        String customer = world.newCustomer();
        JsonNode order = world.paidOrder(customer, world.addCard(customer, ShopFixture.VISA), 2);
        String id = order.get("id").asText();
        Reply shipped = ship(id, Map.of());
        assertThat(shipped.status()).isEqualTo(201);
        assertThat(shipped.text("status")).isEqualTo("shipped");
        assertThat(shipped.body().get("captured").decimalValue()).isEqualByComparingTo("4400");
        assertThat(shipped.text("paymentStatus")).isEqualTo("captured");
        assertThat(world.payment(order.get("paymentId").asText()).text("status")).isEqualTo("captured");

        Reply again = ship(id, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("order_not_shippable");
    }

    @Test
    void partialShipmentsCaptureStepByStep() {
        String customer = world.newCustomer();
        JsonNode order = world.paidOrder(customer, world.addCard(customer, ShopFixture.VISA), 2);
        String id = order.get("id").asText();
        Reply first = ship(id, Map.of("amount", 1000));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("partially_shipped");
        assertThat(first.body().get("captured").decimalValue()).isEqualByComparingTo("1000");

        Reply tooMuch = ship(id, Map.of("amount", 5000));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.error()).isEqualTo("capture_exceeds_authorized");

        Reply second = ship(id, Map.of("amount", 1200));
        assertThat(second.body().get("captured").decimalValue()).isEqualByComparingTo("2200");
        Reply rest = ship(id, Map.of());
        assertThat(rest.text("status")).isEqualTo("shipped");
        assertThat(rest.body().get("captured").decimalValue()).isEqualByComparingTo("4400");
        assertThat(world.payment(order.get("paymentId").asText()).body().get("captured").decimalValue()).isEqualByComparingTo("4400");
    }

    @Test
    void onlyPaidOrdersShip() {
        String customer = world.newCustomer();
        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "MUG-HASAMI", 1);
        Reply declined = world.checkout(cart, world.addCard(customer, ShopFixture.VISA_INSUFFICIENT_FUNDS), "k-" + cart);
        Reply ship = ship(declined.text("orderId"), Map.of());
        assertThat(ship.status()).isEqualTo(409);
        assertThat(ship.error()).isEqualTo("order_not_shippable");
        assertThat(ship("ord_000000000000", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void refundsPartThenAllOfWhatWasCaptured() {
        String customer = world.newCustomer();
        JsonNode order = world.paidOrder(customer, world.addCard(customer, ShopFixture.VISA), 2);
        String id = order.get("id").asText();
        ship(id, Map.of());

        Reply part = refund(id, 1000);
        assertThat(part.status()).isEqualTo(201);
        assertThat(part.text("status")).isEqualTo("partially_refunded");
        assertThat(part.body().get("refunded").decimalValue()).isEqualByComparingTo("1000");
        assertThat(part.text("paymentStatus")).isEqualTo("partially_refunded");

        Reply tooMuch = refund(id, 5000);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.error()).isEqualTo("refund_exceeds_captured");

        Reply rest = refund(id, 3400);
        assertThat(rest.text("status")).isEqualTo("refunded");
        assertThat(rest.body().get("refunded").decimalValue()).isEqualByComparingTo("4400");
        assertThat(world.payment(order.get("paymentId").asText()).text("status")).isEqualTo("refunded");
    }

    @Test
    void refundsNeedCapturedMoneyAndAnAmount() {
        String customer = world.newCustomer();
        JsonNode order = world.paidOrder(customer, world.addCard(customer, ShopFixture.VISA), 1);
        String id = order.get("id").asText();
        Reply notShipped = refund(id, 100);
        assertThat(notShipped.status()).isEqualTo(409);
        assertThat(notShipped.error()).isEqualTo("payment_not_captured");

        Reply noAmount = world.post("/orders/" + id + "/refunds", Map.of("reason", "customer_request"));
        assertThat(noAmount.status()).isEqualTo(422);
        assertThat(noAmount.text("field")).isEqualTo("amount");

        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "MUG-HASAMI", 1);
        Reply declined = world.checkout(cart, world.addCard(customer, ShopFixture.VISA_INSUFFICIENT_FUNDS), "k-" + cart);
        Reply unpaid = refund(declined.text("orderId"), 100);
        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.error()).isEqualTo("order_not_refundable");
    }

    @Test
    void aRefundRetriedWithItsKeyRefundsOnce() {
        String customer = world.newCustomer();
        JsonNode order = world.paidOrder(customer, world.addCard(customer, ShopFixture.VISA), 2);
        String id = order.get("id").asText();
        ship(id, Map.of());
        Map<String, String> key = Map.of("Idempotency-Key", "refund-" + id);
        Map<String, Object> body = Map.of("amount", 500, "reason", "damaged");
        assertThat(world.post("/orders/" + id + "/refunds", body, key).status()).isEqualTo(201);
        Reply retry = world.post("/orders/" + id + "/refunds", body, key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body().get("refunded").decimalValue()).isEqualByComparingTo("500");
    }

    @Test
    void readsAnOrderWithItsPaymentStatus() {
        String customer = world.newCustomer();
        JsonNode order = world.paidOrder(customer, world.addCard(customer, ShopFixture.VISA), 3);
        Reply read = world.get("/orders/" + order.get("id").asText());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("customerId")).isEqualTo(customer);
        assertThat(read.text("paymentStatus")).isEqualTo("authorized");
        assertThat(read.body().get("amount").decimalValue()).isEqualByComparingTo("6600");
        assertThat(read.body().get("captured").decimalValue()).isEqualByComparingTo("0");
        assertThat(read.body().get("refunded").decimalValue()).isEqualByComparingTo("0");
        assertThat(read.body().get("items")).hasSize(1);
        assertThat(read.text("createdAt")).isEqualTo(order.get("createdAt").asText());
        Reply unknown = world.get("/orders/ord_000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("not_found");
    }

    @Test
    void pagesThroughEveryOrderExactlyOnceNewestFirst() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.addFirst(world.paidOrder(customer, card, 1).get("id").asText());
        }
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = world.get("/customers/" + customer + "/orders?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(o -> seen.add(o.get("id").asText()));
            sizes.add(page.body().get("items").size());
            cursor = page.text("nextCursor");
            assertThat(page.body().has("nextCursor")).isTrue();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(sizes).containsExactly(3, 3, 1);

        Reply all = world.get("/customers/" + customer + "/orders");
        assertThat(all.body().get("items")).hasSize(7);
        assertThat(all.body().get("nextCursor").isNull()).isTrue();
        Reply exact = world.get("/customers/" + customer + "/orders?limit=7");
        assertThat(exact.body().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void rejectsBadLimitsAndCursors() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        world.paidOrder(customer, card, 1);
        world.paidOrder(customer, card, 1);
        for (String limit : List.of("0", "51", "ten", "-1")) {
            Reply reply = world.get("/customers/" + customer + "/orders?limit=" + limit);
            assertThat(reply.status()).as(limit).isEqualTo(422);
            assertThat(reply.text("field")).isEqualTo("limit");
        }
        assertThat(world.get("/customers/" + customer + "/orders?limit=50").status()).isEqualTo(200);
        Reply garbage = world.get("/customers/" + customer + "/orders?cursor=%25%25%25");
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.error()).isEqualTo("invalid_cursor");

        String cursorOfAnother = world.get("/customers/" + customer + "/orders?limit=1").text("nextCursor");
        String stranger = world.newCustomer();
        Reply foreign = world.get("/customers/" + stranger + "/orders?cursor=" + cursorOfAnother);
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.error()).isEqualTo("invalid_cursor");
        assertThat(world.get("/customers/" + stranger + "/orders").body().get("items")).isEmpty();
        assertThat(world.get("/customers/cus_000000000000/orders").status()).isEqualTo(404);
    }
}
