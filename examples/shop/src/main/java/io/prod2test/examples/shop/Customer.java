package io.prod2test.examples.shop;

import java.time.Instant;
import java.time.LocalDate;

/** A stored customer as the API shows it; {@code kycStatus} is {@code verified} once a My Number was checked. */
record Customer(String id, String email, String name, String nameKana, String phone, String postalCode, String address,
                LocalDate dateOfBirth, String locale, String kycStatus, Instant createdAt) {
}
