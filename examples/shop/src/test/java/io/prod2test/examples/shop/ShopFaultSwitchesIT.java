package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.shop.ShopFixture.Reply;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each shop fault is caught by its README observation: the check holds with every switch off and
 * fails with only that switch on, toggled at run time on the same running service.
 */
class ShopFaultSwitchesIT {
    private static ShopFixture world;

    @BeforeAll
    static void start() {
        world = ShopFixture.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @AfterEach
    void allOff() {
        faults().set(List.of());
    }

    private static FaultSwitches faults() {
        return world.shop().faults();
    }

    private static void provesTheFault(Fault fault, BooleanSupplier observation) {
        assertThat(fault.service()).isEqualTo("shop");
        faults().set(List.of());
        assertThat(observation.getAsBoolean()).as("%s: holds with every switch off", fault.cliName()).isTrue();
        faults().set(List.of(fault));
        assertThat(observation.getAsBoolean()).as("%s: violated with only it on", fault.cliName()).isFalse();
        faults().set(List.of());
        assertThat(observation.getAsBoolean()).as("%s: holds again once off", fault.cliName()).isTrue();
    }

    @Test
    void paginationOffByOne() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.addFirst(world.paidOrder(customer, card, 1).get("id").asText());
        }
        // Every order exactly once across pages.
        provesTheFault(Fault.PAGINATION_OFF_BY_ONE, () -> {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                Reply page = world.get("/customers/" + customer + "/orders?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
                page.body().get("items").forEach(o -> seen.add(o.get("id").asText()));
                cursor = page.text("nextCursor");
            } while (cursor != null);
            return seen.equals(all);
        });
    }

    @Test
    void emailNotNormalised() {
        // The e-mail is answered lower-cased, and a differently cased duplicate is 409.
        provesTheFault(Fault.EMAIL_NOT_NORMALISED, () -> {
            String email = ShopFixture.email("Mixed.Case").replace("example.com", "Example.com");
            Reply created = world.post("/customers", ShopFixture.customerBody(" " + email + " "));
            Reply duplicate = world.post("/customers", ShopFixture.customerBody(email.toUpperCase()));
            return created.status() == 201 && email.toLowerCase().equals(created.text("email")) && duplicate.status() == 409;
        });
    }

    @Test
    void cartTotalIgnoresQuantity() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        // A line of quantity 3 totals three times the unit price, and the order charges that amount.
        provesTheFault(Fault.CART_TOTAL_IGNORES_QUANTITY, () -> {
            String cart = world.newCart(customer, "JPY");
            Reply withLine = world.addItem(cart, "TEA-SENCHA-100", 3);
            Reply order = world.checkout(cart, card, UUID.randomUUID().toString());
            boolean cartTotal = withLine.body().get("total").decimalValue().compareTo(new java.math.BigDecimal("3840")) == 0;
            boolean orderAmount = order.body().get("amount").decimalValue().compareTo(new java.math.BigDecimal("3840")) == 0;
            boolean charged = world.payment(order.text("paymentId")).body().get("amount").decimalValue()
                    .compareTo(new java.math.BigDecimal("3840")) == 0;
            return cartTotal && orderAmount && charged;
        });
    }
}
