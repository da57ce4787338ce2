package io.prod2test.core.store;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the analysis store lives: a PostgreSQL server the user names, or an embedded one that
 * prod2test starts under its work folder.
 *
 * <p>Exactly one of {@code jdbcUrl} and {@code embeddedDirectory} is set.
 *
 * @param jdbcUrl           a {@code jdbc:postgresql:} URL, credentials inside it or in the environment
 * @param embeddedDirectory the folder under which the embedded server keeps its data
 */
public record StoreLocation(String jdbcUrl, Path embeddedDirectory) {
    /** The environment variable that names the store when {@code --db} is not given. */
    public static final String DB_ENV = "PROD2TEST_DB";
    /** The work folder when {@code --workdir} is not given. */
    public static final Path DEFAULT_WORKDIR = Path.of(".prod2test");

    public StoreLocation {
        if ((jdbcUrl == null) == (embeddedDirectory == null)) {
            throw new IllegalArgumentException("a store location is either a JDBC URL or an embedded directory, exactly one of them");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new Prod2TestException(ErrorCode.CONFIGURATION,
                    "the analysis store must be PostgreSQL: --db/" + DB_ENV + " must start with 'jdbc:postgresql:', was '"
                            + redact(jdbcUrl) + "'");
        }
    }

    /**
     * Resolves the location the way every command does: {@code --db}, else {@code PROD2TEST_DB},
     * else an embedded server under {@code <workdir>/postgres}.
     */
    public static StoreLocation resolve(String dbOption, Path workdir, Map<String, String> environment) {
        if (dbOption != null && !dbOption.isBlank()) {
            return new StoreLocation(dbOption.trim(), null);
        }
        String fromEnv = environment.get(DB_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new StoreLocation(fromEnv.trim(), null);
        }
        return embeddedUnder(workdir == null ? DEFAULT_WORKDIR : workdir);
    }

    public static StoreLocation embeddedUnder(Path workdir) {
        return new StoreLocation(null, workdir.resolve("postgres"));
    }

    public boolean isEmbedded() {
        return embeddedDirectory != null;
    }

    /** For messages: the URL with any password replaced, or the embedded folder. */
    public String describe() {
        return isEmbedded() ? "embedded PostgreSQL in " + embeddedDirectory : redact(jdbcUrl);
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
