package io.prod2test.analyse;

import static io.prod2test.examples.simulator.Journey.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.simulator.Journey;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof by construction: the simulator plays a known mix of journeys against the sample services;
 * the analysis of the masked, ingested logs must find exactly the flows and edge cases the journeys
 * planted, counted in sessions.
 */
class SimulatedTrafficIT {
    @TempDir
    static Path dir;
    static SimulatedTraffic traffic;
    static Analysis analysis;

    @BeforeAll
    static void playAndAnalyse() {
        traffic = SimulatedTraffic.play(dir, 20261121L, 260, SimulatedTraffic.everyJourneyAlike());
        analysis = Analyser.analyse(traffic.store, AnalysisOptions.defaults());
    }

    @AfterAll
    static void stop() {
        if (traffic != null) {
            traffic.close();
        }
    }

    @Test
    void everyPlayedSessionFollowsExactlyOneFlowRankedBySessions() {
        assertThat(analysis.sessions()).isEqualTo(traffic.report.sessions());
        assertThat(analysis.flows().stream().mapToLong(Flow::sessions).sum()).isEqualTo(traffic.report.sessions());
        assertThat(analysis.flows()).isSortedAccordingTo(Comparator.comparingLong(Flow::sessions).reversed());
        assertThat(analysis.flows().getFirst().id()).isEqualTo(1);
    }

    @Test
    void findsTheJourneysAsFlows() {
        assertThat(sessionsOfFlows(f -> f.labels().stream().allMatch(r -> r.startsWith("GET /products"))))
                .isEqualTo(traffic.played(BROWSE_ONLY));
        assertThat(sessionsOfFlows(f -> f.labels().contains("DELETE /customers/{id}/cards/{id}"))).isEqualTo(traffic.played(DELETE_SAVED_CARD));
        assertThat(sessionsOfFlows(f -> f.labels().contains("PUT /customers/{id}/kyc")))
                .isEqualTo(traffic.played(KYC_VERIFIED, KYC_INVALID_MY_NUMBER));
        assertThat(sessionsOfFlows(f -> f.labels().contains("POST /orders/{id}/refunds")))
                .isEqualTo(traffic.played(PARTIAL_REFUND, REFUND_ABOVE_CAPTURED));
        assertThat(sessionsOfFlows(f -> f.labels().contains("GET /customers/{id}/orders"))).isEqualTo(traffic.played(RETURNING_BUYER));
        // a customer from before the window: the session uses the customer without signing up
        assertThat(sessionsOfFlows(f -> f.labels().contains("GET /customers/{id}") && !f.labels().contains("POST /customers")))
                .isEqualTo(traffic.played(REGULAR_CUSTOMER));
        // sign-ups refused (for good, or the user then signs up once more): the flow ends at POST /customers
        assertThat(sessionsOfFlows(f -> f.labels().equals(List.of("GET /products", "POST /customers")))
                + sessionsOfFlows(f -> f.labels().equals(List.of("GET /products", "GET /products/{id}", "POST /customers"))))
                .isEqualTo(traffic.played(NAME_TOO_LONG, UNDERAGE_SIGNUP, DUPLICATE_SIGNUP, INVALID_EMAIL));
    }

    @Test
    void theSignUpsFromBeforeTheWindowAreNotInTheStoreButTheirCustomersAreInProduction() throws Exception {
        assertThat(traffic.report.preWindow().customers()).hasSize(traffic.report.preWindow().planned()).isNotEmpty();
        long signUps;
        try (Connection c = traffic.store.connect();
             PreparedStatement p = c.prepareStatement(
                     "SELECT count(*) FROM exchanges WHERE service = 'shop' AND method = 'POST' AND path = '/customers' AND status = 201");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            signUps = rs.getLong(1);
        }
        // one sign-up (201) per session that signs up at all, a refused first try aside; none from before the window
        assertThat(signUps).isEqualTo(traffic.planned(p -> p.journey() != BROWSE_ONLY && p.journey() != REGULAR_CUSTOMER
                && p.journey() != NAME_TOO_LONG && p.journey() != UNDERAGE_SIGNUP));
        long customers = traffic.world.tableRowCounts().get("shop").get("customers");
        assertThat(customers).isEqualTo(signUps + traffic.report.preWindow().customers().size());
    }

    @Test
    void findsThePlantedErrorsPerRouteInTheirSessions() {
        assertThat(sessions(EdgeKind.ERROR_STATUS, "shop", "POST /carts/{id}/checkout", 402)).isEqualTo(traffic.played(DECLINED_CARD, EXPIRED_CARD));
        assertThat(sessions(EdgeKind.ERROR_STATUS, "payments", "POST /payments", 402)).isEqualTo(traffic.played(DECLINED_CARD, EXPIRED_CARD));
        assertThat(sessions(EdgeKind.ERROR_STATUS, "shop", "POST /orders/{id}/authenticate", 402)).isEqualTo(traffic.played(THREE_DS_FAILED));
        assertThat(sessions(EdgeKind.ERROR_STATUS, "shop", "POST /customers", 409)).isEqualTo(traffic.played(DUPLICATE_SIGNUP));
        assertThat(sessions(EdgeKind.ERROR_STATUS, "shop", "POST /customers", 422)).isEqualTo(traffic.played(NAME_TOO_LONG, INVALID_EMAIL, UNDERAGE_SIGNUP));
        assertThat(sessions(EdgeKind.ERROR_STATUS, "shop", "PUT /customers/{id}/kyc", 422)).isEqualTo(traffic.played(KYC_INVALID_MY_NUMBER));
        assertThat(sessions(EdgeKind.ERROR_STATUS, "shop", "POST /orders/{id}/refunds", 422)).isEqualTo(traffic.played(REFUND_ABOVE_CAPTURED));
        assertThat(sessions(EdgeKind.ERROR_STATUS, "shop", "POST /carts/{id}/checkout", 422))
                .isEqualTo(traffic.planned(p -> p.journey() == GIFT_CARD_EDGE_AMOUNTS && !payable(p.purchase().giftCardAmount())));
    }

    @Test
    void findsIdempotentRetriesAndConcurrentShipments() {
        assertThat(sessions(EdgeKind.RETRY, "shop", "POST /carts/{id}/checkout", null)).isEqualTo(traffic.played(DOUBLE_SUBMIT));
        // The two shipment threads start together, but on a loaded machine one may finish before the
        // other is scheduled: then the calls do not overlap in time and are rightly not concurrent.
        assertThat(sessions(EdgeKind.CONCURRENT, "shop", "POST /orders/{id}/shipments", null))
                .isBetween(Math.min(1, traffic.played(CONCURRENT_SHIPMENTS)), traffic.played(CONCURRENT_SHIPMENTS));
        assertThat(sessions(EdgeKind.ERROR_STATUS, "shop", "POST /orders/{id}/shipments", 409)).isEqualTo(traffic.played(CONCURRENT_SHIPMENTS));
    }

    @Test
    void findsTheGiftCardsBoundaryAmounts() {
        assertThat(sessions(EdgeKind.ODD_VALUE, "shop", "POST /carts/{id}/items", null, "zero at $.amount"))
                .isEqualTo(giftCards(new BigDecimal("0")));
        assertThat(sessions(EdgeKind.ODD_VALUE, "shop", "POST /carts/{id}/items", null, "maximum at $.amount"))
                .isEqualTo(giftCards(new BigDecimal("1000000")));
        assertThat(sessions(EdgeKind.ODD_VALUE, "payments", "POST /payments", null, "decimals-in-zero-decimal-currency at $.amount"))
                .isEqualTo(giftCards(new BigDecimal("4980.5")));
    }

    @Test
    void attachesTheCallsToPaymentsToTheStepThatMadeThem() {
        Transition toCheckout = analysis.graph().stream()
                .filter(t -> t.from() != null && t.from().label().equals("GET /carts/{id}") && t.to().label().equals("POST /carts/{id}/checkout"))
                .findFirst().orElseThrow();
        assertThat(toCheckout.downstream()).anySatisfy(d -> {
            assertThat(d.service()).isEqualTo("payments");
            assertThat(d.target()).isEqualTo("/payments");
        });
        assertThat(analysis.graph()).noneMatch(t -> t.to().service().equals("payments"));
    }

    @Test
    void countsTheCartSubFlowInEverySessionThatFillsACart() {
        SubFlow cart = analysis.subFlows().stream()
                .filter(s -> s.routes().stream().map(Route::label).toList().equals(List.of("POST /carts", "POST /carts/{id}/items", "GET /carts/{id}")))
                .findFirst().orElseThrow();
        assertThat(cart.sessions()).isEqualTo(traffic.planned(p -> !p.purchases().isEmpty()));
    }

    @Test
    void examplesAreMaskedSessionsWhoseExchangesComeInTimeOrder() throws Exception {
        EdgeCase declined = edge(EdgeKind.ERROR_STATUS, "shop", "POST /carts/{id}/checkout", 402, "HTTP 402");
        assertThat(declined.examples()).isNotEmpty().allSatisfy(key -> assertThat(key).doesNotStartWith("sid-"));
        AnalysisReader reader = new AnalysisReader(traffic.store);
        List<List<Long>> sessions = reader.edgeCaseExamples(declined.id());
        assertThat(sessions).hasSize(declined.examples().size());
        try (Connection c = traffic.store.connect();
             PreparedStatement p = c.prepareStatement("SELECT ts, session_id FROM exchanges WHERE id = ?")) {
            for (List<Long> exchanges : sessions) {
                java.sql.Timestamp last = null;
                Long session = null;
                for (long id : exchanges) {
                    p.setLong(1, id);
                    try (ResultSet rs = p.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        if (last != null) {
                            assertThat(rs.getTimestamp(1)).isAfterOrEqualTo(last);
                            assertThat(rs.getLong(2)).isEqualTo(session);
                        }
                        last = rs.getTimestamp(1);
                        session = rs.getLong(2);
                    }
                }
            }
        }
        assertThat(reader.flowExamples(1, 2)).hasSize(2);
        assertThat(reader.read().flows()).isEqualTo(analysis.flows());
    }

    private static boolean payable(BigDecimal amount) {
        return amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 0;
    }

    private static long giftCards(BigDecimal amount) {
        return traffic.planned(p -> p.journey() == GIFT_CARD_EDGE_AMOUNTS && p.purchase().giftCardAmount().compareTo(amount) == 0);
    }

    private static long sessionsOfFlows(Predicate<Flow> which) {
        return analysis.flows().stream().filter(which).mapToLong(Flow::sessions).sum();
    }

    private static long sessions(EdgeKind kind, String service, String route, Integer status) {
        return analysis.edgeCases().stream().filter(e -> matches(e, kind, service, route, status)).mapToLong(EdgeCase::sessions).sum();
    }

    private static long sessions(EdgeKind kind, String service, String route, Integer status, String detail) {
        return analysis.edgeCases().stream().filter(e -> matches(e, kind, service, route, status) && e.detail().equals(detail))
                .mapToLong(EdgeCase::sessions).sum();
    }

    private static EdgeCase edge(EdgeKind kind, String service, String route, Integer status, String detail) {
        return analysis.edgeCases().stream().filter(e -> matches(e, kind, service, route, status) && e.detail().equals(detail))
                .findFirst().orElseThrow();
    }

    private static boolean matches(EdgeCase e, EdgeKind kind, String service, String route, Integer status) {
        return e.kind() == kind && service.equals(e.route().service()) && e.route().label().equals(route)
                && java.util.Objects.equals(status, e.status());
    }

}
