package io.prod2test.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * Real git repositories for tests: an asset repository with a first commit on {@code main},
 * pushed to a bare remote whose HEAD is {@code main}. Used by the MCP tests too.
 */
public final class GitFixture {
    private GitFixture() {
    }

    /** A bare remote under {@code dir/remote.git} and a clone-like working repository under {@code dir/assets}. */
    public static Path[] assetsWithRemote(Path dir) throws IOException, GitAPIException {
        Path remote = dir.resolve("remote.git");
        Path assets = dir.resolve("assets");
        try (Git bare = Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call();
             Git git = Git.init().setInitialBranch("main").setDirectory(assets.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("user", null, "name", "QA Engineer");
            config.setString("user", null, "email", "qa@example.com");
            config.save();
            write(assets, "README.md", "# test assets\n");
            write(assets, "prod2test.yaml", "services:\n  payments:\n    baseUrl: http://localhost:8080\n");
            write(assets, "schemas/payments/V1__baseline.sql", "CREATE TABLE customers (id bigint PRIMARY KEY);\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("first version").call();
            git.push().setRemote(remote.toUri().toString()).add("main").call();
        }
        return new Path[] {assets, remote};
    }

    public static void write(Path repo, String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** A scenario folder with a scenario.yaml of the SPEC's shape. */
    public static void scenario(Path repo, String service, String id, String flow, String... tags) throws IOException {
        write(repo, "scenarios/" + service + "/" + id + "/scenario.yaml", "id: " + id + "\ntitle: " + id + "\nflow:\n  routes: ["
                + String.join(", ", java.util.Arrays.stream(flow.split(", ")).map(r -> "'" + r + "'").toList())
                + "]\n  sessions: 12\n  share: 0.25\npriority: " + (List.of(tags).contains("edge-case") ? "high" : "medium")
                + "\ntags: [" + String.join(", ", tags) + "]\n");
        write(repo, "scenarios/" + service + "/" + id + "/setup.sql", "INSERT INTO customers VALUES (9000001);\n");
    }
}
