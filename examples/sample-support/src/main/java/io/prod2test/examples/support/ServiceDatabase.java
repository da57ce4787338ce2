package io.prod2test.examples.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** Opens a sample service's connection pool and brings its schema up to date with Flyway. */
public final class ServiceDatabase {
    private ServiceDatabase() {
    }

    /**
     * A pool on {@code jdbcUrl}, migrated with the scripts under {@code classpath:db/<service>}.
     *
     * @param poolSize connections; the services are small, 8 serves the simulator's concurrency
     */
    public static HikariDataSource openAndMigrate(String service, String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(service);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/" + service)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }
}
