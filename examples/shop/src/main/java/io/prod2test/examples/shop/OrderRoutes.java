package io.prod2test.examples.shop;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.prod2test.examples.support.ExchangeLog;
import java.math.BigDecimal;

/** What happens to an order after checkout: 3-D Secure, shipments, refunds, and reading it. */
final class OrderRoutes {
    static final int MAX_REASON = 500;

    private final OrderStore store;
    private final Orders orders;

    OrderRoutes(OrderStore store, Orders orders) {
        this.store = store;
        this.orders = orders;
    }

    void register(Javalin app) {
        app.get("/orders/{id}", this::get);
        app.post("/orders/{id}/authenticate", this::authenticate);
        app.post("/orders/{id}/shipments", this::ship);
        app.post("/orders/{id}/refunds", this::refund);
    }

    private void get(Context ctx) {
        Json.answer(ctx, 200, orders.refreshed(ExchangeLog.trace(ctx), order(ctx)).view());
    }

    private void authenticate(Context ctx) {
        Order order = order(ctx);
        String otp = JsonBody.of(ctx).text("otp", "invalid_otp");
        Json.answer(ctx, 200, orders.authenticate(ExchangeLog.trace(ctx), order, otp).view());
    }

    private void ship(Context ctx) {
        Order order = order(ctx);
        BigDecimal amount = JsonBody.of(ctx).decimal("amount", "invalid_amount");
        Json.answer(ctx, 201, orders.ship(ExchangeLog.trace(ctx), order, amount).view());
    }

    private void refund(Context ctx) {
        Order order = order(ctx);
        JsonBody body = JsonBody.of(ctx);
        BigDecimal amount = body.decimal("amount", "invalid_amount");
        String reason = body.text("reason", "invalid_reason");
        if (reason != null && reason.length() > MAX_REASON) {
            throw ApiException.invalid("invalid_reason", "reason", "reason must be at most " + MAX_REASON + " characters");
        }
        Json.answer(ctx, 201, orders.refund(ExchangeLog.trace(ctx), order, amount, reason, ctx.header(CartRoutes.IDEMPOTENCY_KEY)).view());
    }

    /** The path's order (404 when unknown); its customer is the exchange's user. */
    private Order order(Context ctx) {
        Order order = store.get(ctx.pathParam("id"));
        ctx.attribute(ExchangeLog.USER_ID, order.customerId());
        return order;
    }
}
