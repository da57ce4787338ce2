package io.prod2test.runner;

import java.net.URI;

/**
 * A running system under test.
 *
 * @param service     the service name, as in {@code scenarios/<service>/}
 * @param baseUrl     where it answers HTTP
 * @param databaseUrl the JDBC URL of its database, user and password included; reset before each scenario
 */
public record ServiceTarget(String service, URI baseUrl, String databaseUrl) {
    public ServiceTarget {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("a service target needs the service name");
        }
        if (baseUrl == null || baseUrl.getScheme() == null || !baseUrl.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("service '" + service + "' needs an http(s) base URL, was " + baseUrl);
        }
        if (databaseUrl == null || !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("service '" + service + "' needs a PostgreSQL JDBC URL (jdbc:postgresql:...) for its database, was "
                    + (databaseUrl == null ? "none" : "'" + databaseUrl.replaceAll("(?i)(password=)[^&;]*", "$1****") + "'"));
        }
    }
}
