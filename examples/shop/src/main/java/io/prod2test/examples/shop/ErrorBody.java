package io.prod2test.examples.shop;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON error shape shared by shop and payments. */
record ErrorBody(String error, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String field) {
}
