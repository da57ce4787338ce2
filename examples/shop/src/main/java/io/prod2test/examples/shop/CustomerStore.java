package io.prod2test.examples.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Customers and their KYC records. */
final class CustomerStore {
    private static final String SELECT = """
            SELECT c.*, k.verified_at AS kyc_verified_at
            FROM customers c LEFT JOIN kyc_records k ON k.customer_id = c.id
            """;

    private final Database db;

    CustomerStore(Database db) {
        this.db = db;
    }

    /** Stores a new customer; an e-mail already stored is 409 {@code email_taken}. */
    Customer create(NewCustomer n, Instant now) {
        String id = Ids.customer();
        try {
            db.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO customers (id, email, name, name_kana, phone, postal_code, address, date_of_birth, locale, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    s.setString(1, id);
                    s.setString(2, n.email());
                    s.setString(3, n.name());
                    s.setString(4, n.nameKana());
                    s.setString(5, n.phone());
                    s.setString(6, n.postalCode());
                    s.setString(7, n.address());
                    s.setObject(8, n.dateOfBirth());
                    s.setString(9, n.locale());
                    Database.setInstant(s, 10, now);
                    return s.executeUpdate();
                }
            });
        } catch (Database.Failure e) {
            if (e.isUniqueViolation("customers_email_key")) {
                throw ApiException.conflict("email_taken", "a customer with this e-mail already exists");
            }
            throw e;
        }
        return new Customer(id, n.email(), n.name(), n.nameKana(), n.phone(), n.postalCode(), n.address(), n.dateOfBirth(),
                n.locale(), "unverified", now);
    }

    Optional<Customer> find(String id) {
        return db.read(c -> find(c, id));
    }

    /** The customer, or 404 {@code not_found}. */
    Customer get(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("customer", id));
    }

    static Optional<Customer> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE c.id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Records a verified My Number, replacing an earlier one: customers may correct a typo. */
    void verifyKyc(String customerId, String myNumber, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO kyc_records (customer_id, my_number, verified_at) VALUES (?, ?, ?)
                    ON CONFLICT (customer_id) DO UPDATE SET my_number = EXCLUDED.my_number, verified_at = EXCLUDED.verified_at""")) {
                s.setString(1, customerId);
                s.setString(2, myNumber);
                Database.setInstant(s, 3, now);
                return s.executeUpdate();
            }
        });
    }

    private static Customer read(ResultSet rs) throws SQLException {
        return new Customer(rs.getString("id"), rs.getString("email"), rs.getString("name"), rs.getString("name_kana"),
                rs.getString("phone"), rs.getString("postal_code"), rs.getString("address"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getString("locale"),
                Database.instant(rs, "kyc_verified_at") == null ? "unverified" : "verified",
                Database.instant(rs, "created_at"));
    }
}
