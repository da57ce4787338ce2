package io.prod2test.examples.shop;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/** {@code GET /products} and {@code GET /products/{sku}}: the catalogue, not customer-scoped. */
final class CatalogueRoutes {
    private final ProductStore products;

    CatalogueRoutes(ProductStore products) {
        this.products = products;
    }

    void register(Javalin app) {
        app.get("/products", this::list);
        app.get("/products/{sku}", this::get);
    }

    private void list(Context ctx) {
        Json.answer(ctx, 200, Map.of("items", products.all().stream().map(Product::view).toList()));
    }

    private void get(Context ctx) {
        String sku = ctx.pathParam("sku");
        Json.answer(ctx, 200, products.find(sku).orElseThrow(() -> ApiException.notFound("product", sku)).view());
    }
}
