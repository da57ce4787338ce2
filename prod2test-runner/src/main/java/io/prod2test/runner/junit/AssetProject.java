package io.prod2test.runner.junit;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes the build files of a test-asset repository, for the generator: a JUnit class per service
 * ({@code src/test/java/<package>/<Service>ScenariosTest.java}), the {@code pom.xml} that runs them
 * with {@code mvn test}, and {@code .github/workflows/scenarios.yml} that does the same in CI. The
 * templates are resources beside this class; their {@code {{name}}} placeholders are filled here.
 */
public final class AssetProject {
    /** The package of the generated test classes. */
    public static final String TEST_PACKAGE = "scenarios";
    private static final String JUNIT_VERSION = "6.0.1";
    private static final String SLF4J_VERSION = "2.0.17";

    private AssetProject() {
    }

    /** Writes all three for {@code services}; returns the files written. */
    public static List<Path> write(Path repo, List<String> services) {
        List<Path> written = new java.util.ArrayList<>();
        written.add(writePom(repo, "io.prod2test.assets", repo.toAbsolutePath().normalize().getFileName() == null
                ? "scenarios" : artifactId(repo.toAbsolutePath().normalize().getFileName().toString())));
        for (String service : services) {
            written.add(writeTestClass(repo, service));
        }
        written.add(writeWorkflow(repo, services));
        return written;
    }

    /** {@code pom.xml}, depending on this runner's version. */
    public static Path writePom(Path repo, String groupId, String artifactId) {
        return write(repo.resolve("pom.xml"), fill(template("pom.xml.template"), Map.of(
                "groupId", groupId, "artifactId", artifactId, "runnerVersion", runnerVersion(),
                "junitVersion", JUNIT_VERSION, "slf4jVersion", SLF4J_VERSION)));
    }

    /** {@code src/test/java/scenarios/<Service>ScenariosTest.java}. */
    public static Path writeTestClass(Path repo, String service) {
        String className = className(service);
        Path file = repo.resolve("src/test/java").resolve(TEST_PACKAGE).resolve(className + ".java");
        return write(file, fill(template("ScenariosTest.java.template"), Map.of(
                "package", TEST_PACKAGE, "service", service, "className", className)));
    }

    /** {@code .github/workflows/scenarios.yml}. */
    public static Path writeWorkflow(Path repo, List<String> services) {
        StringBuilder variables = new StringBuilder();
        StringBuilder environment = new StringBuilder();
        for (String service : services) {
            String prefix = "PROD2TEST_" + service.toUpperCase(Locale.ROOT).replace('-', '_');
            variables.append("#   ").append(prefix).append("_BASE_URL (variable), ").append(prefix).append("_DATABASE (secret)\n");
            environment.append("          ").append(prefix).append("_BASE_URL: ${{ vars.").append(prefix).append("_BASE_URL }}\n");
            environment.append("          ").append(prefix).append("_DATABASE: ${{ secrets.").append(prefix).append("_DATABASE }}\n");
        }
        return write(repo.resolve(".github/workflows/scenarios.yml"), fill(template("scenarios.yml.template"), Map.of(
                "serviceVariables", variables.toString().stripTrailing(),
                "serviceEnvironment", environment.toString().stripTrailing())));
    }

    /** {@code payments} → {@code PaymentsScenariosTest}, {@code card-vault} → {@code CardVaultScenariosTest}. */
    public static String className(String service) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : service.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
                continue;
            }
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        if (out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, "Service");
        }
        return out + "ScenariosTest";
    }

    /** The version of this runner, as the build stamped it. */
    public static String runnerVersion() {
        try (InputStream in = AssetProject.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String version = p.getProperty("version");
            if (version == null || version.startsWith("${")) {
                throw new Prod2TestException(ErrorCode.INTERNAL, "the runner's version.properties was not filled in by the build");
            }
            return version;
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.INTERNAL, "cannot read the runner's version: " + e.getMessage(), e);
        }
    }

    private static String artifactId(String folder) {
        String id = folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "scenarios" : id;
    }

    private static String template(String name) {
        try (InputStream in = AssetProject.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new Prod2TestException(ErrorCode.INTERNAL, "template " + name + " is missing from the runner");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.INTERNAL, "cannot read template " + name + ": " + e.getMessage(), e);
        }
    }

    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        if (out.matches("(?s).*\\{\\{[a-zA-Z]+}}.*")) {
            throw new Prod2TestException(ErrorCode.INTERNAL, "a template placeholder was left unfilled");
        }
        return out;
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
