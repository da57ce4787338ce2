package io.prod2test.generate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Small hand-made sessions for the unit tests. */
final class Sessions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static long ids = 1;

    private Sessions() {
    }

    static JsonNode json(String text) {
        try {
            return text == null ? null : JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static SessionExchange exchange(String route, String path, String request, int status, String response) {
        return exchange(route, path, Map.of(), request, status, Map.of(), response);
    }

    static SessionExchange exchange(String route, String path, Map<String, String> headers, String request, int status,
                                    Map<String, String> responseHeaders, String response) {
        String method = route.substring(0, route.indexOf(' '));
        long id = ids++;
        return new SessionExchange(id, "shop", route, method, path, Map.of(), headers, json(request), status, responseHeaders, json(response),
                1_700_000_000_000L + id * 1000, 20);
    }

    /** A customer signs up, adds a card, opens a cart, adds two mugs and checks out; values differ per {@code n}. */
    static List<SessionExchange> checkout(int n, String cardNumber) {
        String cus = "cus_c5d2adbaab" + String.format("%02x", n);
        String card = "card_2b841b60fe" + String.format("%02x", n);
        String cart = "cart_d8f10ca298" + String.format("%02x", n);
        String ord = "ord_b3368f88ad" + String.format("%02x", n);
        return List.of(
                exchange("GET /products", "/products", null, 200, "{'items': [{'sku': 'MUG-HASAMI', 'prices': {'JPY': 2200}}]}"),
                exchange("POST /customers", "/customers", "{'email': 'u" + n + "@example.com', 'name': 'Aiko Mori'}", 201,
                        "{'id': '" + cus + "', 'email': 'u" + n + "@example.com', 'name': 'Aiko Mori', 'createdAt': '2026-11-21T11:11:2" + n + ".104Z'}"),
                exchange("POST /customers/{id}/cards", "/customers/" + cus + "/cards", "{'number': '" + cardNumber + "', 'cvc': '123'}", 201,
                        "{'id': '" + card + "', 'brand': 'visa', 'last4': '4242'}"),
                exchange("POST /carts", "/carts", "{'customerId': '" + cus + "', 'currency': 'JPY'}", 201,
                        "{'id': '" + cart + "', 'customerId': '" + cus + "', 'items': [], 'total': 0}"),
                exchange("POST /carts/{id}/items", "/carts/" + cart + "/items", "{'sku': 'MUG-HASAMI', 'quantity': 2}", 200,
                        "{'id': '" + cart + "', 'items': [{'sku': 'MUG-HASAMI', 'quantity': 2, 'unitPrice': 2200}], 'total': 4400}"),
                exchange("POST /carts/{id}/checkout", "/carts/" + cart + "/checkout", Map.of("idempotency-key", "k-" + n, "cookie", "sid=abc"),
                        "{'cardId': '" + card + "'}", 201, Map.of("location", "/orders/" + ord),
                        "{'id': '" + ord + "', 'cartId': '" + cart + "', 'status': 'paid', 'amount': 4400, 'paymentId': 'pay_1384077190d431" + String.format("%02x", n) + "'}"),
                exchange("GET /orders/{id}", "/orders/" + ord, null, 200, "{'id': '" + ord + "', 'status': 'paid', 'amount': 4400}"));
    }
}
