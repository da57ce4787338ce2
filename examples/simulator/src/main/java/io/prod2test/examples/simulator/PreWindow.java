package io.prod2test.examples.simulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the sign-ups before the capture window left in the shop: the customers whose rows exist
 * before the first logged session, and which a {@link Journey#REGULAR_CUSTOMER} session uses
 * without creating them.
 *
 * @param planned   how many customers were to sign up
 * @param customers those who did, by index
 * @param requests  requests the shop answered for them
 * @param failures  what went wrong for those who did not, for people
 */
public record PreWindow(int planned, List<Customer> customers, long requests, List<String> failures) {
    /** No customer before the window. */
    public static final PreWindow NONE = new PreWindow(0, List.of(), 0, List.of());

    public PreWindow {
        customers = List.copyOf(customers);
        failures = List.copyOf(failures);
    }

    /**
     * A customer who signed up before the window.
     *
     * @param index       the customer's {@link PreWindowCustomer#index()}
     * @param id          the shop's id of the customer ({@code cus_…})
     * @param email       the e-mail as the shop stored it
     * @param kycVerified whether the customer verified their identity
     */
    public record Customer(int index, String id, String email, boolean kycVerified) {
        public Customer {
            Objects.requireNonNull(id, "id must not be null");
            Objects.requireNonNull(email, "email must not be null");
        }
    }

    /** The customer of this index, when they signed up. */
    public Optional<Customer> customer(int index) {
        return customers.stream().filter(c -> c.index() == index).findFirst();
    }

    /** The shop's ids of the customers who signed up before the window. */
    public Set<String> ids() {
        return customers.stream().map(Customer::id).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether every planned customer signed up. */
    public boolean succeeded() {
        return failures.isEmpty() && customers.size() == planned;
    }
}
