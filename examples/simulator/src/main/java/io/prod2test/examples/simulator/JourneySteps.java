package io.prod2test.examples.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.examples.simulator.SessionPlan.Card;
import io.prod2test.examples.simulator.SessionPlan.Purchase;
import io.prod2test.examples.simulator.ShopSession.Reply;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The steps of each journey: the requests in order, the statuses each must get, and the ids that
 * earlier answers hand to later requests. One instance per session, so its fields hold what the
 * shop said so far (the catalogue, the customer id).
 */
final class JourneySteps {
    private static final List<String> REFUND_REASONS = List.of(
            "customer_request", "damaged in transit", "サイズが合わなかったため", "wrong colour", "商品に傷があったため");

    private final SessionPlan plan;
    private final ShopSession shop;
    private final PreWindow preWindow;
    private Catalogue catalogue;
    private String customerId;

    /** @param preWindow the customers who signed up before the window, one of whom a regular customer is */
    JourneySteps(SessionPlan plan, ShopSession shop, PreWindow preWindow) {
        this.plan = plan;
        this.shop = shop;
        this.preWindow = preWindow;
    }

    void run() {
        browse();
        switch (plan.journey()) {
            case BROWSE_ONLY -> {
                // looking is all this visitor does
            }
            case FIRST_PURCHASE, USD_PURCHASE, THREE_DS_PASSED, UNICODE_PROFILE -> {
                signUp(plan.persona().email());
                String cardId = addCard(plan.card());
                String orderId = buyAndPay(plan.purchase(), cardId, plan.journey() == Journey.THREE_DS_PASSED);
                ship(orderId, null);
                getOrder(orderId);
            }
            case RETURNING_BUYER -> returningBuyer();
            case REGULAR_CUSTOMER -> {
                comeBack();
                // a new card only: the customer's older cards, if any, would need rows of the payments service
                String cardId = addCard(plan.card());
                String orderId = buyAndPay(plan.purchase(), cardId, false);
                ship(orderId, null);
                getOrder(orderId);
            }
            case ABANDONED_CART -> {
                signUp(plan.persona().email());
                fillCart(plan.purchase()); // looked at, then left
            }
            case THREE_DS_FAILED -> {
                signUp(plan.persona().email());
                String cardId = addCard(plan.card());
                Reply order = checkout(fillCart(plan.purchase()), cardId, plan.purchase().idempotencyKey(), 201);
                String orderId = order.text("id", "checkout");
                expectChallenge(order, orderId);
                shop.post("/orders/" + orderId + "/authenticate", ShopSession.object().put("otp", plan.otp()), 402)
                        .withError("authentication_failed", "authenticate with a wrong otp");
                getOrder(orderId);
            }
            case KYC_VERIFIED -> {
                signUp(plan.persona().email());
                shop.put("/customers/" + customerId + "/kyc", ShopSession.object().put("myNumber", plan.kycNumber()), 200);
                shop.get("/customers/" + customerId, 200);
            }
            case KYC_INVALID_MY_NUMBER -> {
                signUp(plan.persona().email());
                shop.put("/customers/" + customerId + "/kyc", ShopSession.object().put("myNumber", plan.kycNumber()), 422)
                        .withError("invalid_my_number", "KYC with a wrong check digit");
                // the user spots the typo and types the number again, correctly
                shop.put("/customers/" + customerId + "/kyc", ShopSession.object().put("myNumber", plan.persona().myNumber()), 200);
            }
            case PARTIAL_SHIPMENT -> {
                String orderId = signUpAndBuy();
                BigDecimal amount = orderAmount(orderId);
                ship(orderId, SessionRunner.part(amount, plan.partPercent(), plan.purchase().currency()));
                ship(orderId, null);
                JsonNode order = shop.get("/orders/" + orderId, 200).body();
                // both shipments together capture the whole order
                if (!"shipped".equals(order.path("status").asText()) || order.path("captured").decimalValue().compareTo(amount) != 0) {
                    throw new UnexpectedOutcome("after shipping a part and then the rest, order " + orderId + " is "
                            + order.path("status").asText() + " with " + order.path("captured") + " of " + amount + " captured");
                }
            }
            case PARTIAL_REFUND -> {
                String orderId = signUpAndBuy();
                BigDecimal amount = orderAmount(orderId);
                ship(orderId, null);
                refund(orderId, SessionRunner.part(amount, plan.partPercent(), plan.purchase().currency()), 201);
                getOrder(orderId);
            }
            case REFUND_ABOVE_CAPTURED -> {
                String orderId = signUpAndBuy();
                BigDecimal amount = orderAmount(orderId);
                ship(orderId, SessionRunner.part(amount, plan.partPercent(), plan.purchase().currency()));
                // the whole order refunded although only a part was captured: payments refuses
                refund(orderId, amount, 422).withError("refund_exceeds_captured", "refund above the captured amount");
                getOrder(orderId);
            }
            case DELETE_SAVED_CARD -> {
                signUp(plan.persona().email());
                String oldCard = addCard(plan.card());
                addCard(plan.secondCard());
                shop.get("/customers/" + customerId + "/cards", 200);
                shop.delete("/customers/" + customerId + "/cards/" + oldCard, 204);
                Reply left = shop.get("/customers/" + customerId + "/cards", 200);
                if (left.body().path("items").size() != 1) {
                    throw new UnexpectedOutcome("after deleting one of two cards the customer has " + left.body().path("items").size());
                }
            }
            case DECLINED_CARD, EXPIRED_CARD -> refusedCard();
            case DOUBLE_SUBMIT -> doubleSubmit();
            case GIFT_CARD_EDGE_AMOUNTS -> giftCard();
            case DUPLICATE_SIGNUP -> {
                signUp(plan.persona().email());
                refusedSignUp(plan.secondEmail(), 409, "email_taken");
            }
            case CONCURRENT_SHIPMENTS -> concurrentShipments();
            case INVALID_EMAIL -> {
                refusedSignUp(plan.persona().email(), 422, "invalid_email");
                signUp(plan.secondEmail());
            }
            case NAME_TOO_LONG -> refusedSignUp(plan.persona().email(), 422, "invalid_name");
            case UNDERAGE_SIGNUP -> refusedSignUp(plan.persona().email(), 422, "under_age");
        }
    }

    /** Every visit starts on the catalogue; some open products one by one. */
    private void browse() {
        catalogue = Catalogue.of(shop.get("/products", 200).body());
        for (int view : plan.productViews()) {
            shop.get("/products/" + catalogue.at(view).sku(), 200);
        }
    }

    private void signUp(String email) {
        customerId = shop.post("/customers", customer(plan.persona(), email), 201).text("id", "POST /customers");
    }

    private void refusedSignUp(String email, int status, String error) {
        shop.post("/customers", customer(plan.persona(), email), status).withError(error, "POST /customers");
    }

    /** A customer who signed up before the window opens their profile: the session uses them without creating them. */
    private void comeBack() {
        PreWindow.Customer customer = preWindow.customer(plan.preWindowCustomer()).orElseThrow(() -> new UnexpectedOutcome(
                "pre-window customer " + plan.preWindowCustomer() + " did not sign up before the window"));
        customerId = customer.id();
        Reply profile = shop.get("/customers/" + customerId, 200);
        String email = profile.text("email", "GET /customers/{id}");
        if (!email.equals(customer.email())) {
            throw new UnexpectedOutcome("GET /customers/" + customerId + " answered the e-mail " + email + ", the customer signed up with "
                    + customer.email());
        }
    }

    /** The sign-up form as the persona fills it in, with {@code email} typed as it is. */
    static ObjectNode customer(Persona p, String email) {
        ObjectNode body = ShopSession.object()
                .put("email", email)
                .put("name", p.name());
        if (p.nameKana() != null) {
            body.put("nameKana", p.nameKana());
        }
        body.put("phone", p.phone())
                .put("postalCode", p.postalCode())
                .put("address", p.address())
                .put("dateOfBirth", p.dateOfBirth().toString())
                .put("locale", p.locale());
        return body;
    }

    private String addCard(Card card) {
        ObjectNode body = ShopSession.object()
                .put("number", card.number())
                .put("expMonth", card.expMonth())
                .put("expYear", card.expYear())
                .put("cvc", card.cvc())
                .put("holderName", card.holderName());
        return shop.post("/customers/" + customerId + "/cards", body, 201).text("id", "POST /customers/{id}/cards");
    }

    private String signUpAndBuy() {
        signUp(plan.persona().email());
        String cardId = addCard(plan.card());
        return buyAndPay(plan.purchase(), cardId, false);
    }

    /** Fills a cart, looks at it, checks out and passes 3-D Secure if challenged; the order id. */
    private String buyAndPay(Purchase purchase, String cardId, boolean challengeRequired) {
        String cartId = fillCart(purchase);
        Reply order = checkout(cartId, cardId, purchase.idempotencyKey(), 201);
        String orderId = order.text("id", "checkout");
        if (challengeRequired) {
            expectChallenge(order, orderId);
        }
        authenticateIfChallenged(order, orderId);
        return orderId;
    }

    private String fillCart(Purchase purchase) {
        String cartId = shop.post("/carts", ShopSession.object().put("customerId", customerId).put("currency", purchase.currency()), 201)
                .text("id", "POST /carts");
        for (Catalogue.Line line : catalogue.resolve(purchase.items(), purchase.currency(), purchase.minimumTotal())) {
            shop.post("/carts/" + cartId + "/items",
                    ShopSession.object().put("sku", line.product().sku()).put("quantity", line.quantity()), 200);
        }
        if (purchase.giftCardAmount() != null) {
            shop.post("/carts/" + cartId + "/items",
                    ShopSession.object().put("sku", "GIFT-CARD").put("quantity", 1).put("amount", purchase.giftCardAmount()), 200);
        }
        shop.get("/carts/" + cartId, 200);
        return cartId;
    }

    private Reply checkout(String cartId, String cardId, String key, int... expected) {
        return shop.send("POST", "/carts/" + cartId + "/checkout", ShopSession.object().put("cardId", cardId), key, expected);
    }

    private void authenticateIfChallenged(Reply order, String orderId) {
        if ("awaiting_authentication".equals(order.body().path("status").asText())) {
            challengeOf(order, orderId);
            shop.post("/orders/" + orderId + "/authenticate", ShopSession.object().put("otp", plan.otp()), 200);
        }
    }

    /** The 3-D Secure challenge the bank shows; an order awaiting authentication without one cannot be completed. */
    private String challengeOf(Reply order, String orderId) {
        String challengeId = order.body().path("challenge").path("challengeId").asText("");
        if (challengeId.isEmpty()) {
            throw new UnexpectedOutcome("order " + orderId + " awaits authentication but names no challenge: " + order.body());
        }
        return challengeId;
    }

    private void expectChallenge(Reply order, String orderId) {
        String status = order.body().path("status").asText();
        if (!"awaiting_authentication".equals(status)) {
            throw new UnexpectedOutcome("order " + orderId + " above the 3-D Secure threshold is " + status
                    + ", expected awaiting_authentication");
        }
        challengeOf(order, orderId);
    }

    private void ship(String orderId, BigDecimal amount) {
        ObjectNode body = ShopSession.object();
        if (amount != null) {
            body.put("amount", amount);
        }
        shop.post("/orders/" + orderId + "/shipments", body, 201);
    }

    private Reply refund(String orderId, BigDecimal amount, int expected) {
        String reason = REFUND_REASONS.get(Math.floorMod(plan.index(), REFUND_REASONS.size()));
        return shop.send("POST", "/orders/" + orderId + "/refunds", ShopSession.object().put("amount", amount).put("reason", reason),
                SessionRunner.derivedKey(plan.purchase().idempotencyKey(), "refund"), expected);
    }

    private void getOrder(String orderId) {
        shop.get("/orders/" + orderId, 200);
    }

    private BigDecimal orderAmount(String orderId) {
        JsonNode amount = shop.get("/orders/" + orderId, 200).body().get("amount");
        if (amount == null || !amount.isNumber()) {
            throw new UnexpectedOutcome("GET /orders/" + orderId + " has no numeric amount");
        }
        return amount.decimalValue();
    }

    /** Buys several times, then reads the order history page by page until the last page. */
    private void returningBuyer() {
        signUp(plan.persona().email());
        String cardId = addCard(plan.card());
        Set<String> bought = new HashSet<>();
        for (Purchase purchase : plan.purchases()) {
            String orderId = buyAndPay(purchase, cardId, false);
            ship(orderId, null);
            bought.add(orderId);
        }
        shop.get("/customers/" + customerId, 200);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/customers/" + customerId + "/orders?limit=" + plan.pageLimit()
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = shop.get(path, 200).body();
            page.path("items").forEach(o -> seen.add(o.path("id").asText()));
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
            if (seen.size() > bought.size() + plan.pageLimit()) {
                throw new UnexpectedOutcome("paging through " + bought.size() + " orders does not end");
            }
        } while (cursor != null);
        if (seen.size() != bought.size() || !bought.equals(new HashSet<>(seen))) {
            throw new UnexpectedOutcome("paging with limit " + plan.pageLimit() + " showed " + seen + ", expected each of "
                    + bought + " exactly once");
        }
    }

    /** The card is refused; half the users then save a good card and pay the reopened cart with it. */
    private void refusedCard() {
        signUp(plan.persona().email());
        String refusedCard = addCard(plan.card());
        Purchase purchase = plan.purchase();
        String cartId = fillCart(purchase);
        Reply refusal = checkout(cartId, refusedCard, purchase.idempotencyKey(), 402).withError("card_declined", "checkout");
        String wanted = plan.journey() == Journey.EXPIRED_CARD ? "expired_card" : plan.card().testCard().declineCode();
        String declineCode = refusal.body() == null ? null : refusal.body().path("declineCode").asText(null);
        if (!wanted.equals(declineCode)) {
            throw new UnexpectedOutcome("checkout with card " + plan.card().testCard().last4() + " was declined with "
                    + declineCode + ", expected " + wanted);
        }
        if (plan.secondCard() != null) {
            String goodCard = addCard(plan.secondCard());
            Reply order = checkout(cartId, goodCard, SessionRunner.derivedKey(purchase.idempotencyKey(), "retry"), 201);
            String orderId = order.text("id", "checkout");
            authenticateIfChallenged(order, orderId);
            getOrder(orderId);
        }
    }

    /** A double click on "pay": the same request twice, which must give the same order. */
    private void doubleSubmit() {
        signUp(plan.persona().email());
        String cardId = addCard(plan.card());
        Purchase purchase = plan.purchase();
        String cartId = fillCart(purchase);
        Reply first = checkout(cartId, cardId, purchase.idempotencyKey(), 201);
        Reply second = checkout(cartId, cardId, purchase.idempotencyKey(), 200);
        String orderId = first.text("id", "checkout");
        if (!orderId.equals(second.text("id", "checkout again"))) {
            throw new UnexpectedOutcome("checkout submitted twice with one Idempotency-Key made two orders: "
                    + orderId + " and " + second.text("id", "checkout again"));
        }
        authenticateIfChallenged(first, orderId);
        ship(orderId, null);
    }

    /** 0 and 4980.5 JPY are refused by payments (422); 1 and exactly the limit are paid. */
    private void giftCard() {
        signUp(plan.persona().email());
        String cardId = addCard(plan.card());
        Purchase purchase = plan.purchase();
        BigDecimal amount = purchase.giftCardAmount();
        boolean payable = amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 0;
        String cartId = fillCart(purchase);
        if (!payable) {
            checkout(cartId, cardId, purchase.idempotencyKey(), 422)
                    .withError(amount.signum() == 0 ? "amount_too_small" : "invalid_amount", "checkout of a " + amount + " JPY gift card");
            return;
        }
        Reply order = checkout(cartId, cardId, purchase.idempotencyKey(), 201);
        String orderId = order.text("id", "checkout");
        authenticateIfChallenged(order, orderId);
        ship(orderId, null);
    }

    /** The order shipped from two places at once: payments' row lock lets exactly one capture through. */
    private void concurrentShipments() {
        String orderId = signUpAndBuy();
        CountDownLatch start = new CountDownLatch(1);
        int[] statuses = new int[2];
        RuntimeException[] errors = new RuntimeException[2];
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int slot = i;
            threads[i] = Thread.ofPlatform().name("shipment-" + plan.index() + "-" + i).start(() -> {
                try {
                    start.await();
                    statuses[slot] = shop.post("/orders/" + orderId + "/shipments", ShopSession.object(), 201, 409).status();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    errors[slot] = e;
                }
            });
        }
        start.countDown();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnexpectedOutcome("interrupted while shipping " + orderId, e);
            }
        }
        for (RuntimeException error : errors) {
            if (error != null) {
                throw error;
            }
        }
        int shipped = (statuses[0] == 201 ? 1 : 0) + (statuses[1] == 201 ? 1 : 0);
        if (shipped != 1) {
            throw new UnexpectedOutcome("two simultaneous shipments of " + orderId + " answered " + statuses[0] + " and "
                    + statuses[1] + ", expected exactly one 201");
        }
        getOrder(orderId);
    }
}
