package io.prod2test.mcp.analyse;

import io.prod2test.analyse.Analyser;
import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.AnalysisOptions;
import io.prod2test.analyse.AnalysisReader;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mcp.McpContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The store's analysis for the tools: read back, or computed first when the store holds traffic that
 * was never analysed (with the repository's scenarios and the server's {@code --tests} folders, so
 * coverage is judged). One analysis
 * at a time: two calls arriving together must not both recompute it.
 */
public final class AnalysisAccess {
    private static final Object LOCK = new Object();
    private static final Set<String> SKIPPED = Set.of("target", "build", "node_modules");

    /** The analysis and whether this call computed it. */
    public record Read(Analysis analysis, boolean analysedNow) {
    }

    private AnalysisAccess() {
    }

    /**
     * The analysis, computed first when the store has traffic but none, or when {@code reanalyse}.
     */
    public static Read read(McpContext context, boolean reanalyse) {
        synchronized (LOCK) {
            if (!reanalyse) {
                try {
                    return new Read(new AnalysisReader(context.store()).read(), false);
                } catch (Prod2TestException e) {
                    if (e.code() != ErrorCode.NOT_AVAILABLE) {
                        throw e;
                    }
                }
            }
            List<Path> tests = new ArrayList<>(repositoryFolders(context.repository()));
            tests.addAll(context.tests());
            return new Read(Analyser.analyse(context.store(), AnalysisOptions.defaults().withTests(tests)), true);
        }
    }

    /**
     * The folders of the repository that may hold tests: its top-level folders but git's own,
     * hidden ones and build output ({@code target}, {@code build}, {@code node_modules}), which
     * hold no tests of their own and can be large.
     */
    static List<Path> repositoryFolders(Path repository) {
        try (Stream<Path> children = Files.list(repository)) {
            return children.filter(Files::isDirectory).filter(p -> {
                String name = p.getFileName().toString();
                return !name.startsWith(".") && !SKIPPED.contains(name);
            }).sorted().toList();
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot list the asset repository " + repository + ": " + e.getMessage(), e);
        }
    }

    /** The store ids of a flow's first few sessions, for {@code get_flow_sequences(sessionId)}. */
    static List<Long> flowSessions(McpContext context, long flowId, int limit) {
        return longs(context, "SELECT session_id FROM analysis_session_flows WHERE flow_id = ? ORDER BY session_id LIMIT ?", flowId, limit);
    }

    /** The store ids of an edge case's example sessions. */
    static List<Long> edgeCaseSessions(McpContext context, long edgeCaseId, int limit) {
        return longs(context, "SELECT s.id FROM analysis_edge_cases ec, unnest(ec.example_sessions) AS s(id) WHERE ec.id = ?"
                + " ORDER BY s.id LIMIT ?", edgeCaseId, limit);
    }

    private static List<Long> longs(McpContext context, String sql, long id, int limit) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = context.store().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read example sessions from the analysis: " + e.getMessage(), e);
        }
        return ids;
    }
}
