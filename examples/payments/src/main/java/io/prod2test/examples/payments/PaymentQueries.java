package io.prod2test.examples.payments;

import io.javalin.http.Context;

/** {@code GET /payments/{id}} and {@code GET /payments/{id}/refunds}. */
final class PaymentQueries {
    private final Database db;
    private final PaymentRepository payments;
    private final RefundRepository refunds;

    PaymentQueries(Database db, PaymentRepository payments, RefundRepository refunds) {
        this.db = db;
        this.payments = payments;
        this.refunds = refunds;
    }

    HttpReply payment(Context ctx) {
        String id = ctx.pathParam("id");
        return db.inTransaction(c -> payments.find(c, id)
                .map(p -> HttpReply.json(200, Views.PaymentView.of(p)))
                .orElseThrow(() -> ApiException.notFound("no payment " + id)));
    }

    HttpReply refunds(Context ctx) {
        String id = ctx.pathParam("id");
        return db.inTransaction(c -> {
            if (payments.find(c, id).isEmpty()) {
                throw ApiException.notFound("no payment " + id);
            }
            return HttpReply.json(200, new Views.RefundListView(
                    refunds.ofPayment(c, id).stream().map(Views.RefundView::of).toList()));
        });
    }
}
