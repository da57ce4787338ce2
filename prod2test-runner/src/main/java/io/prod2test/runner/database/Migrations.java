package io.prod2test.runner.database;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL scripts that make a service's base state, in the order Flyway would apply them: the
 * schema ({@code schemas/<service>/V*.sql}) by version, then each dataset layer
 * ({@code datasets/<service>/<layer>/V*.sql}) in folder-name order ({@code 00_base} before
 * {@code 10_customers}), each layer's scripts by version. Versions compare part by part as numbers
 * ({@code V1_2} and {@code V1.2} are the same, {@code V2} before {@code V10}).
 *
 * @param schema   the schema scripts in order
 * @param datasets the dataset scripts in order
 */
public record Migrations(List<Path> schema, List<Path> datasets) {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    public Migrations {
        schema = List.copyOf(schema);
        datasets = List.copyOf(datasets);
    }

    /** The scripts of {@code service} in {@code repo}; missing folders mean no scripts. */
    public static Migrations of(Path repo, String service) {
        List<Path> schema = versioned(repo.resolve("schemas").resolve(service));
        List<Path> datasets = new ArrayList<>();
        Path layers = repo.resolve("datasets").resolve(service);
        if (Files.isDirectory(layers)) {
            try (Stream<Path> list = Files.list(layers)) {
                for (Path layer : list.filter(Files::isDirectory).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                    datasets.addAll(versioned(layer));
                }
            } catch (IOException e) {
                throw new Prod2TestException(ErrorCode.IO, "cannot list " + layers + ": " + e.getMessage(), e);
            }
        }
        return new Migrations(schema, datasets);
    }

    private static List<Path> versioned(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.filter(p -> p.getFileName().toString().endsWith(".sql")).toList();
            List<Path> ordered = new ArrayList<>();
            for (Path file : files) {
                if (!VERSIONED.matcher(file.getFileName().toString()).matches()) {
                    throw Prod2TestException.invalidInput(file.toString(), 0, null,
                            "a migration's name must be V<version>__<description>.sql, e.g. V1__baseline.sql");
                }
                ordered.add(file);
            }
            ordered.sort(Migrations::compareVersions);
            for (int i = 1; i < ordered.size(); i++) {
                if (compareVersions(ordered.get(i - 1), ordered.get(i)) == 0) {
                    throw Prod2TestException.invalidInput(ordered.get(i).toString(), 0, null,
                            "two migrations in " + dir + " have the same version: " + ordered.get(i - 1).getFileName());
                }
            }
            return List.copyOf(ordered);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static int compareVersions(Path a, Path b) {
        List<BigInteger> va = version(a);
        List<BigInteger> vb = version(b);
        for (int i = 0; i < Math.max(va.size(), vb.size()); i++) {
            BigInteger x = i < va.size() ? va.get(i) : BigInteger.ZERO;
            BigInteger y = i < vb.size() ? vb.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<BigInteger> version(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a versioned migration: " + file);
        }
        return Stream.of(m.group(1).split("[._]")).map(BigInteger::new).toList();
    }
}
