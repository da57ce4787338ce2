package io.prod2test.examples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.prod2test.examples.support.ExchangeLog;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Customers, their KYC, their saved cards and their order history. */
final class CustomerRoutes {
    /** The card fields passed on to payments' tokeniser as the customer typed them. */
    private static final List<String> CARD_FIELDS = List.of("number", "expMonth", "expYear", "cvc", "holderName");

    private final CustomerStore customers;
    private final CardStore cards;
    private final Orders orders;
    private final PaymentsClient payments;
    private final FaultSwitches faults;
    private final Clock clock;

    CustomerRoutes(CustomerStore customers, CardStore cards, Orders orders, PaymentsClient payments, FaultSwitches faults,
                   Clock clock) {
        this.customers = customers;
        this.cards = cards;
        this.orders = orders;
        this.payments = payments;
        this.faults = faults;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.post("/customers", this::create);
        app.get("/customers/{id}", this::get);
        app.put("/customers/{id}/kyc", this::kyc);
        app.post("/customers/{id}/cards", this::addCard);
        app.get("/customers/{id}/cards", this::listCards);
        app.delete("/customers/{id}/cards/{cardId}", this::removeCard);
        app.get("/customers/{id}/orders", this::orders);
    }

    private void create(Context ctx) {
        boolean normalise = !faults.isOn(Fault.EMAIL_NOT_NORMALISED);
        NewCustomer input = NewCustomer.parse(JsonBody.of(ctx), LocalDate.now(clock), normalise);
        Customer customer = customers.create(input, now());
        ctx.attribute(ExchangeLog.USER_ID, customer.id());
        Json.answer(ctx, 201, customer);
    }

    private void get(Context ctx) {
        Json.answer(ctx, 200, customer(ctx));
    }

    private void kyc(Context ctx) {
        Customer customer = customer(ctx);
        String myNumber = JsonBody.of(ctx).text("myNumber", "invalid_my_number");
        if (!MyNumber.isValid(myNumber)) {
            throw ApiException.invalid("invalid_my_number", "myNumber", "myNumber must be 12 digits with a valid check digit");
        }
        Instant now = now();
        customers.verifyKyc(customer.id(), myNumber, now);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("customerId", customer.id());
        answer.put("status", "verified");
        answer.put("verifiedAt", now);
        Json.answer(ctx, 200, answer);
    }

    private void addCard(Context ctx) {
        Customer customer = customer(ctx);
        JsonBody body = JsonBody.of(ctx);
        ObjectNode card = Json.object();
        for (String field : CARD_FIELDS) {
            JsonNode value = body.node(field);
            if (value != null) {
                card.set(field, value);
            }
        }
        PaymentsClient.Answer answer = payments.tokenise(ExchangeLog.trace(ctx), card);
        if (!answer.succeeded()) {
            throw answer.failure(null);
        }
        JsonNode token = answer.body();
        Card saved = cards.save(new Card(Ids.card(), customer.id(), token.path("token").asText(), token.path("brand").asText(),
                token.path("last4").asText(), token.path("expMonth").asInt(), token.path("expYear").asInt()), now());
        Json.answer(ctx, 201, saved);
    }

    private void listCards(Context ctx) {
        Customer customer = customer(ctx);
        Json.answer(ctx, 200, Map.of("items", cards.list(customer.id())));
    }

    private void removeCard(Context ctx) {
        Customer customer = customer(ctx);
        String cardId = ctx.pathParam("cardId");
        if (!cards.remove(customer.id(), cardId, now())) {
            throw ApiException.notFound("card", cardId);
        }
        ctx.status(204);
    }

    private void orders(Context ctx) {
        Customer customer = customer(ctx);
        Json.answer(ctx, 200, orders.page(customer.id(), ctx.queryParam("limit"), ctx.queryParam("cursor")));
    }

    /** The path's customer (404 when unknown), named as the exchange's user. */
    private Customer customer(Context ctx) {
        Customer customer = customers.get(ctx.pathParam("id"));
        ctx.attribute(ExchangeLog.USER_ID, customer.id());
        return customer;
    }

    private Instant now() {
        return Database.now(clock);
    }
}
