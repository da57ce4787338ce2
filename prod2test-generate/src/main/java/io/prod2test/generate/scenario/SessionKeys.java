package io.prod2test.generate.scenario;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The masked session key of an exchange, so a scenario names the session a reviewer can look up. */
final class SessionKeys {
    private SessionKeys() {
    }

    static String of(AnalysisStore store, long exchangeId) {
        try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement("""
                SELECT coalesce(s.session_key, e.session_key, 'exchange-' || e.id) FROM exchanges e
                LEFT JOIN sessions s ON s.id = e.session_id WHERE e.id = ?""")) {
            p.setLong(1, exchangeId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : "exchange-" + exchangeId;
            }
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read the session of exchange " + exchangeId + " from the store: " + e.getMessage(), e);
        }
    }
}
