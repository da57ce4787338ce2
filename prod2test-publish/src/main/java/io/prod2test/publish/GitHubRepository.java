package io.prod2test.publish;

/**
 * A repository on GitHub, as {@code OWNER/REPO}.
 *
 * @param owner user or organisation
 * @param name  repository name
 */
public record GitHubRepository(String owner, String name) {
    private static final String PART = "[A-Za-z0-9_.-]+";

    public GitHubRepository {
        if (owner == null || !owner.matches(PART) || name == null || !name.matches(PART) || name.equals("..") || owner.equals("..")) {
            throw new IllegalArgumentException("a GitHub repository is OWNER/REPO of letters, digits, '-', '_' and '.', was '"
                    + owner + "/" + name + "'");
        }
    }

    /** Parses {@code OWNER/REPO}. */
    public static GitHubRepository parse(String ownerSlashRepo) {
        String[] parts = ownerSlashRepo == null ? new String[0] : ownerSlashRepo.strip().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a GitHub repository is OWNER/REPO, was '" + ownerSlashRepo + "'");
        }
        return new GitHubRepository(parts[0], parts[1].endsWith(".git") ? parts[1].substring(0, parts[1].length() - 4) : parts[1]);
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
