package io.prod2test.report.charter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.EdgeKind;
import io.prod2test.analyse.Flow;
import io.prod2test.analyse.Route;
import io.prod2test.analyse.Transition;
import io.prod2test.report.traffic.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharterBuilderTest {
    static final Route PRODUCTS = new Route(1, "shop", "GET", "/products");
    static final Route ORDERS = new Route(2, "shop", "POST", "/orders");
    static final Route PAY = new Route(3, "shop", "POST", "/orders/{id}/payments");
    static final Route REFUND = new Route(4, "shop", "POST", "/orders/{id}/refunds");
    static final Route CHARGE = new Route(5, "payments", "POST", "/payments");
    static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    /** 200 sessions: most browse and pay, a few pay twice (a retry), two refund once. */
    static Analysis analysis() {
        List<Flow> flows = List.of(
                new Flow(1, List.of(PRODUCTS, ORDERS, PAY), 120, 0.6, 6, Coverage.COVERED, 50, "60% of sessions"),
                new Flow(2, List.of(PRODUCTS), 60, 0.3, 0, Coverage.NOT_COVERED, 30, "browse"),
                new Flow(3, List.of(ORDERS, PAY), 18, 0.09, 0, Coverage.PARTLY_COVERED, 70, "pays straight"),
                new Flow(4, List.of(PRODUCTS, ORDERS, PAY, REFUND), 1, 0.005, 0, Coverage.NOT_COVERED, 20, "refunds"),
                new Flow(5, List.of(PRODUCTS, ORDERS), 1, 0.005, 1, Coverage.NOT_COVERED, 10, "abandons"));
        List<EdgeCase> edges = List.of(
                new EdgeCase(10, EdgeKind.ERROR_STATUS, PAY, 402, "402", 9, 8, List.of("sid-1"), List.of(100L), Coverage.NOT_COVERED, 80, "declined"),
                new EdgeCase(11, EdgeKind.ODD_VALUE, ORDERS, null, "zero at $.amount", 3, 3, List.of("sid-2"), List.of(101L),
                        Coverage.COVERED, 40, "zero"),
                new EdgeCase(12, EdgeKind.RETRY, CHARGE, null, "the same Idempotency-Key again", 2, 2, List.of("sid-3"), List.of(102L),
                        Coverage.UNKNOWN, 60, "retry"),
                new EdgeCase(13, EdgeKind.SLOW, PAY, null, "at or above p99 of 300 ms", 2, 2, List.of("sid-4"), List.of(103L),
                        Coverage.UNKNOWN, 20, "slow"));
        List<Transition> graph = List.of(
                new Transition(null, PRODUCTS, 182, 182, List.of()),
                new Transition(null, ORDERS, 18, 18, List.of()),
                new Transition(PRODUCTS, ORDERS, 122, 122, List.of()),
                new Transition(ORDERS, PAY, 139, 139, List.of(new Transition.DownstreamCall("payments", "POST", "/payments", 150))),
                new Transition(PAY, REFUND, 1, 1, List.of()));
        return new Analysis(900, 200, 5, flows, edges, graph, List.of(), true);
    }

    static Sample sample(long id, String method, String path, String body, int status) {
        return new Sample(id, AT.plusSeconds(id), "shop", method, path, "", body, status, "{}", "sid-0042", 25L);
    }

    static Examples examples() {
        Map<Long, List<Sample>> flows = Map.of(
                1L, List.of(sample(1, "GET", "/products", null, 200), sample(2, "POST", "/orders", "{\"amount\": 4980, \"currency\": \"JPY\"}", 201),
                        sample(3, "POST", "/orders/ord_77/payments", "{\"card\": \"tok_`x`\"}", 201)),
                3L, List.of(sample(4, "POST", "/orders", "{\"amount\": 120.5, \"currency\": \"usd\"}", 201)));
        Map<Long, List<Sample>> edges = Map.of(
                10L, List.of(sample(100, "POST", "/orders/ord_9/payments", "{\"card\": \"tok_declined\"}", 402)),
                12L, List.of(new Sample(102, AT, "payments", "POST", "/payments", "expand=card", "{\"amount\": 4980}", 201, "", null, null)),
                13L, List.of(sample(103, "POST", "/orders/ord_8/payments", "{}", 201)));
        return new Examples() {
            @Override
            public List<Sample> ofFlow(Flow flow) {
                return flows.getOrDefault(flow.id(), List.of());
            }

            @Override
            public List<Sample> ofEdgeCase(EdgeCase edgeCase) {
                return edges.getOrDefault(edgeCase.id(), List.of());
            }
        };
    }

    static Charter charter(List<Charter> charters, String service, String family) {
        return charters.stream().filter(c -> c.feature().equals(new Feature(service, family))).findFirst().orElseThrow();
    }

    @Test
    void writesOneCharterPerServiceAndRouteFamily() {
        List<Charter> charters = CharterBuilder.build(analysis(), examples());

        assertThat(charters).extracting(Charter::feature).containsExactly(new Feature("payments", "/payments/**"),
                new Feature("shop", "/orders/**"), new Feature("shop", "/products/**"));
        assertThat(charters).allSatisfy(c -> assertThat(c.sections()).extracting(Charter.Section::title).containsExactly("Typical flows",
                "Features users mix in one session", "Edge cases and error paths seen in production", "Rarely used paths"));
    }

    @Test
    void ordersEachPartByPriorityAndMergesFlowsThatTakeTheSameStepsInTheFeature() {
        Charter orders = charter(CharterBuilder.build(analysis(), examples()), "shop", "/orders/**");

        List<Charter.Item> typical = orders.sections().get(0).items();
        assertThat(typical).hasSize(1);
        assertThat(typical.getFirst().title()).isEqualTo("Flow #1: GET /products → POST /orders → POST /orders/{id}/payments — 120 sessions"
                + " (60.0%); with 1 more variant (#3) that take the same steps in `/orders/**`: 138 sessions (69.0%)"
                + " — flow #1 itself is covered by existing tests, its variants are not");
        assertThat(orders.sections().get(2).items()).extracting(Charter.Item::title).containsExactly(
                "`POST /orders/{id}/payments` answered 402 — 9 calls in 8 sessions",
                "odd-value on `POST /orders`: zero at $.amount — 3 calls in 3 sessions",
                "slow on `POST /orders/{id}/payments`: at or above p99 of 300 ms — 2 calls in 2 sessions");
        assertThat(orders.sections().get(3).items()).extracting(Charter.Item::title)
                .anySatisfy(t -> assertThat(t).startsWith("Flow #4: "))
                .anySatisfy(t -> assertThat(t).startsWith("Seldom called: `POST /orders/{id}/refunds` — 1 user calls"));
        assertThat(orders.timeBoxMinutes()).isBetween(30, 120);
    }

    @Test
    void quotesTheConcreteValuesAndSaysWhatToLookFor() {
        List<Charter> charters = CharterBuilder.build(analysis(), examples());
        String orders = CharterWriter.markdown(charter(charters, "shop", "/orders/**"));

        assertThat(orders).contains("**Mission:** Explore `/orders/**` of shop with the requests real users sent (140 of 200 sessions reached it)");
        assertThat(orders).contains("  - Steps (as masked session `sid-0042`):\n    1. `GET /products` → production answered **200**\n"
                + "    2. `POST /orders` with `{\"amount\": 4980, \"currency\": \"JPY\"}` → production answered **201**");
        assertThat(orders).contains("Money stays right: the amount `4980 JPY` (as `amount`) carries through every step unchanged");
        assertThat(orders).contains("Send `POST /orders/ord_9/payments` with `{\"card\": \"tok_declined\"}` → production answered **402** in 25 ms");
        assertThat(orders).contains("The answer is 402 with a body that names the field or rule at fault");
        assertThat(orders).contains("Production took up to 25 ms here");
        assertThat(orders).contains("- [ ] **odd-value on `POST /orders`: zero at $.amount — 3 calls in 3 sessions** · ✅ *covered by existing tests*");
        assertThat(orders).contains("· ◐ *partly covered by existing tests*").contains("· *not covered by any test*");
        assertThat(orders).contains("## 2. Features users mix in one session").contains("`/orders/**` together with `/products/**` — 122 sessions (61.0%)")
                .contains("Hand-over users take (flow #1): `GET /products` → `POST /orders`");

        String products = CharterWriter.markdown(charter(charters, "shop", "/products/**"));
        assertThat(products).contains("    2. `POST /orders` with `{\"amount\": 4980, \"currency\": \"JPY\"}` → production answered **201**\n"
                + "    3. … then 1 more call elsewhere in the session, up to `POST /orders/ord_77/payments`\n");

        String payments = CharterWriter.markdown(charter(charters, "payments", "/payments/**"));
        assertThat(payments).contains("which users reach only through other services")
                .contains("`POST /payments` — no direct user calls; called by other services while answering `POST /orders/{id}/payments` (150)")
                .contains("Send `POST /payments?expand=card` with `{\"amount\": 4980}` → production answered **201**\n")
                .contains("The repeat returns the first answer").contains("Nothing of this kind was seen in the traffic.");
    }

    @Test
    void keepsValuesFromUsersInertInMarkdown() {
        assertThat(CharterBuilder.code("{\"card\": \"tok_`x`\"}")).isEqualTo("`` {\"card\": \"tok_`x`\"} ``");
        assertThat(CharterBuilder.code("a\nb")).isEqualTo("`a b`");
        assertThat(CharterBuilder.plain("*[x](http://e)*")).isEqualTo("\\*\\[x\\](http://e)\\*");
        assertThat(CharterBuilder.shorten("x".repeat(300))).hasSize(CharterBuilder.VALUE_CHARS + 2).endsWith(" …");
        assertThat(CharterWriter.markdown(charter(CharterBuilder.build(analysis(), examples()), "shop", "/orders/**")))
                .contains("`POST /orders/ord_77/payments` with `` {\"card\": \"tok_`x`\"} ``");
    }

    @Test
    void fallsBackToTheRoutesWhenNoExampleWasKept(@TempDir Path repo) throws Exception {
        Examples none = new Examples() {
            @Override
            public List<Sample> ofFlow(Flow flow) {
                return List.of();
            }

            @Override
            public List<Sample> ofEdgeCase(EdgeCase edgeCase) {
                return List.of();
            }
        };
        List<Path> files = Charters.write(CharterBuilder.build(analysis(), none), repo);

        assertThat(files).extracting(p -> repo.relativize(p).toString().replace('\\', '/'))
                .containsExactly("charters/payments/payments.md", "charters/shop/orders.md", "charters/shop/products.md");
        String products = Files.readString(repo.resolve("charters/shop/products.md"));
        assertThat(products).contains("  - Steps:\n    1. `GET /products`\n").contains("Every step answers 2xx");
        assertThat(Files.readString(repo.resolve("charters/shop/orders.md"))).contains("Send `POST /orders/{id}/payments` as in session `sid-1`");
    }

    @Test
    void aGroupOfVariantsIsCoveredOnlyWhenEveryVariantIs() {
        Flow covered = new Flow(1, List.of(PRODUCTS), 5, 0.5, 0, Coverage.COVERED, 1, "");
        Flow not = new Flow(2, List.of(PRODUCTS), 3, 0.3, 0, Coverage.NOT_COVERED, 1, "");
        Flow unknown = new Flow(3, List.of(PRODUCTS), 2, 0.2, 0, Coverage.UNKNOWN, 1, "");

        assertThat(CharterBuilder.coverage(List.of(covered, covered))).isEqualTo(Coverage.COVERED);
        assertThat(CharterBuilder.coverage(List.of(covered, not))).isEqualTo(Coverage.PARTLY_COVERED);
        assertThat(CharterBuilder.coverage(List.of(not, unknown))).isEqualTo(Coverage.NOT_COVERED);
        assertThat(CharterBuilder.coverage(List.of(unknown))).isEqualTo(Coverage.UNKNOWN);
    }

    @Test
    void matchesConcretePathsToTemplates() {
        assertThat(CharterBuilder.matches("/orders/{id}/payments", "/orders/ord_1/payments")).isTrue();
        assertThat(CharterBuilder.matches("/orders/{id}/payments", "/orders/ord_1/refunds")).isFalse();
        assertThat(CharterBuilder.matches("/orders/{id}", "/orders/ord_1/refunds")).isFalse();
    }
}
