package io.prod2test.examples.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Plays one {@link SessionPlan} against the shop in a browser of its own ({@link ShopSession}),
 * following the journey's {@link JourneySteps}. The first unexpected outcome ends the session,
 * since what follows depends on it, and becomes the result's failure.
 */
final class SessionRunner {
    /** What one played session amounts to. */
    record Result(SessionPlan plan, int requests, Map<Integer, Integer> statuses, String failure) {
    }

    /** What signing up one customer before the window amounts to: the customer, or the failure. */
    record SignUp(PreWindow.Customer customer, int requests, String failure) {
    }

    private final URI shopBaseUrl;
    private final PreWindow preWindow;

    /** @param preWindow the customers who signed up before the window, for the regular customers' sessions */
    SessionRunner(URI shopBaseUrl, PreWindow preWindow) {
        this.shopBaseUrl = shopBaseUrl;
        this.preWindow = preWindow;
    }

    /**
     * Signs up a customer before the window, in a browser of their own, and verifies their
     * identity when they did; never throws for what the shop answers.
     */
    SignUp signUp(PreWindowCustomer customer) {
        try (ShopSession shop = new ShopSession(shopBaseUrl, customer.persona())) {
            String failure;
            try {
                Persona persona = customer.persona();
                ShopSession.Reply created = shop.post("/customers", JourneySteps.customer(persona, persona.email()), 201);
                String id = created.text("id", "POST /customers");
                String email = created.text("email", "POST /customers");
                if (customer.kycVerified()) {
                    shop.put("/customers/" + id + "/kyc", ShopSession.object().put("myNumber", customer.kycNumber()), 200);
                }
                return new SignUp(new PreWindow.Customer(customer.index(), id, email, customer.kycVerified()), shop.requests(), null);
            } catch (UnexpectedOutcome e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                failure = "the simulator failed: " + e;
            }
            return new SignUp(null, shop.requests(), "pre-window customer " + customer.index() + ": " + failure);
        }
    }

    /** Plays the plan; never throws for what the shop answers, the result carries the failure. */
    Result play(SessionPlan plan) {
        try (ShopSession shop = new ShopSession(shopBaseUrl, plan.persona())) {
            String failure = null;
            try {
                new JourneySteps(plan, shop, preWindow).run();
            } catch (UnexpectedOutcome e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                failure = "the simulator failed: " + e;
            }
            if (failure != null) {
                failure = "session " + plan.index() + " (" + plan.journey() + "): " + failure;
            }
            return new Result(plan, shop.requests(), shop.statuses(), failure);
        }
    }

    /** The share of an amount, rounded down to the currency's unit: never zero, and less than the whole unless the whole is one unit. */
    static BigDecimal part(BigDecimal amount, int percent, String currency) {
        int scale = "JPY".equals(currency) ? 0 : 2;
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal part = amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), scale, RoundingMode.DOWN);
        if (part.signum() <= 0) {
            part = unit;
        }
        if (part.compareTo(amount) >= 0) {
            part = amount.subtract(unit).max(unit);
        }
        return part;
    }

    /** A key derived from the plan's key, so that a second request of the journey repeats with the seed too. */
    static String derivedKey(String key, String purpose) {
        return UUID.nameUUIDFromBytes((key + "/" + purpose).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
