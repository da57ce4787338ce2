package io.prod2test.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedDatabasesIT {

    @Test
    void startsAServerAndCreatesDatabasesOnlyOnce() throws Exception {
        try (EmbeddedDatabases pg = EmbeddedDatabases.start(null)) {
            String url = pg.createDatabase("shop");
            assertThat(pg.createDatabase("shop")).isEqualTo(url);

            try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("shop");
            }
            assertThatThrownBy(() -> pg.createDatabase("x; DROP")).hasMessageContaining("lower-case letters");
        }
    }
}
