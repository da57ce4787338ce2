package io.prod2test.publish;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * {@code prod2test publish}: the reviewed generated files as one commit on a new branch, pushed,
 * and (with a GitHub repository) proposed as a pull request.
 *
 * <p>The commit is built beside the working tree: its parent is {@code HEAD}, its tree is
 * {@code HEAD}'s with the selected generated files taken from the working tree. The checkout, the
 * index and the current branch are left exactly as they were, so the user's own work is never
 * touched. Every check (unrelated changes, branch name, the remote's default branch, a branch
 * that already exists) runs before anything is written; a push that fails removes the local
 * branch it created, so the same request can be made again.
 */
public final class Publisher {
    /** Branch names refused whatever the remote says its default is. */
    private static final Set<String> ALWAYS_PROTECTED = Set.of("main", "master");

    private final GitHubClient github;

    /** @param github the API client for requests that name a GitHub repository, or {@code null} */
    public Publisher(GitHubClient github) {
        this.github = github;
    }

    /** Checks, commits, pushes and opens the pull request; throws before writing anything when a check fails. */
    public PublishResult publish(PublishRequest request) {
        if (request.github() != null && github == null) {
            throw new Prod2TestException(ErrorCode.CONFIGURATION, "a pull request on " + request.github()
                    + " needs the GitHub API: set " + GitHubClient.TOKEN_ENV);
        }
        try (Git git = open(request.repository())) {
            Repository repo = git.getRepository();
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            if (head == null) {
                throw new Prod2TestException(ErrorCode.USAGE, request.repository() + " has no commit yet: commit a first version"
                        + " on the default branch, then publish the generated files on a branch of their own");
            }
            AssetChanges changes = AssetChanges.of(git.status().call());
            if (!changes.unrelated().isEmpty()) {
                throw new Prod2TestException(ErrorCode.USAGE, "the working tree of " + request.repository()
                        + " holds changes that are not generated assets, which publishing never commits: "
                        + listed(changes.unrelated()) + ". Commit, move or discard them first.");
            }
            List<String> files = changes.selected(request.selection());
            if (files.isEmpty()) {
                throw new Prod2TestException(ErrorCode.USAGE, "nothing to publish: no generated file "
                        + (request.selection().prefixes().isEmpty() ? "" : "under " + request.selection().prefixes() + " ")
                        + "differs from the last commit of " + request.repository());
            }
            String branch = request.branch();
            String remote = request.remote() != null ? request.remote() : gitHubUrl(request.github());
            CredentialsProvider credentials = github != null && remote.startsWith("https://")
                    ? new UsernamePasswordCredentialsProvider("x-access-token", github.token()) : null;
            Map<String, Ref> remoteRefs = git.lsRemote().setRemote(remote).setCredentialsProvider(credentials).callAsMap();
            String base = request.github() != null ? github.defaultBranch(request.github()) : remoteDefault(remoteRefs, repo);
            if (ALWAYS_PROTECTED.contains(branch) || branch.equals(base)) {
                throw new Prod2TestException(ErrorCode.USAGE, "publishing never pushes to the default branch ('"
                        + (base == null ? branch : base) + "'): name a new branch, e.g. prod2test/" + java.time.LocalDate.now());
            }
            if (repo.exactRef(Constants.R_HEADS + branch) != null) {
                throw new Prod2TestException(ErrorCode.USAGE, "branch '" + branch + "' already exists in " + request.repository()
                        + "; publishing makes a new branch: choose another name");
            }
            if (remoteRefs.containsKey(Constants.R_HEADS + branch)) {
                throw new Prod2TestException(ErrorCode.USAGE, "branch '" + branch + "' already exists on " + redact(remote)
                        + "; publishing makes a new branch: choose another name");
            }

            PublishSummary summary = PublishSummary.of(request.repository(), files, changes.deleted(), request.analysis());
            PullRequestText text = PullRequestText.of(summary, request.title());
            ObjectId commit = commit(repo, head, files, changes.deleted(), text, branch);
            try {
                push(git, remote, branch, credentials);
            } catch (RuntimeException | GitAPIException e) {
                deleteBranch(repo, branch);
                throw e;
            }
            Optional<GitHubClient.PullRequest> pr = Optional.empty();
            if (request.github() != null) {
                try {
                    pr = Optional.of(github.openPullRequest(request.github(), branch, base, text));
                } catch (Prod2TestException e) {
                    throw new Prod2TestException(e.code(), "branch '" + branch + "' was pushed to " + redact(remote)
                            + ", but no pull request was opened: " + e.getMessage(), e);
                }
            }
            return new PublishResult(branch, commit.name(), base, redact(remote), summary, text, pr);
        } catch (GitAPIException e) {
            throw new Prod2TestException(ErrorCode.IO, "git failed in " + request.repository() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot read or write the git repository " + request.repository() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Git open(Path repository) throws IOException {
        if (!Files.isDirectory(repository)) {
            throw new Prod2TestException(ErrorCode.USAGE, "the asset repository " + repository + " is not a folder");
        }
        try {
            return Git.open(repository.toFile());
        } catch (RepositoryNotFoundException e) {
            throw new Prod2TestException(ErrorCode.USAGE, repository + " is not a git repository: run 'git init' there"
                    + " and commit a first version before publishing", e);
        }
    }

    /** A commit of HEAD's tree with the given files taken from the working tree (or removed), on a new branch. */
    private static ObjectId commit(Repository repo, ObjectId head, List<String> files, Set<String> deleted, PullRequestText text,
                                   String branch) throws IOException {
        Set<String> replaced = new LinkedHashSet<>(files);
        Path worktree = repo.getWorkTree().toPath();
        try (ObjectInserter inserter = repo.newObjectInserter(); RevWalk walk = new RevWalk(repo);
             TreeWalk tree = new TreeWalk(repo)) {
            RevCommit parent = walk.parseCommit(head);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            tree.addTree(parent.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (!replaced.contains(tree.getPathString())) {
                    DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
                    entry.setFileMode(tree.getFileMode(0));
                    entry.setObjectId(tree.getObjectId(0));
                    builder.add(entry);
                }
            }
            for (String file : files) {
                if (deleted.contains(file)) {
                    continue;
                }
                Path path = worktree.resolve(file);
                DirCacheEntry entry = new DirCacheEntry(file);
                entry.setFileMode(Files.isExecutable(path) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, Files.readAllBytes(path)));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            PersonIdent person = new PersonIdent(repo);
            commit.setAuthor(person);
            commit.setCommitter(person);
            commit.setParentId(parent);
            commit.setTreeId(index.writeTree(inserter));
            commit.setMessage(text.commitMessage());
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            update.setRefLogMessage("prod2test publish", false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW) {
                throw new Prod2TestException(ErrorCode.IO, "cannot create branch '" + branch + "': " + result);
            }
            return id;
        }
    }

    private static void push(Git git, String remote, String branch, CredentialsProvider credentials) throws GitAPIException {
        String ref = Constants.R_HEADS + branch;
        Iterable<PushResult> results = git.push().setRemote(remote).setCredentialsProvider(credentials)
                .setRefSpecs(new RefSpec(ref + ":" + ref)).call();
        List<String> failures = new ArrayList<>();
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getStatus() != RemoteRefUpdate.Status.OK) {
                    failures.add(update.getRemoteName() + " " + update.getStatus()
                            + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                }
            }
        }
        if (failures.isEmpty() && !results.iterator().hasNext()) {
            failures.add("no result from the remote");
        }
        if (!failures.isEmpty()) {
            throw new Prod2TestException(ErrorCode.IO, "the push of '" + branch + "' to " + redact(remote) + " failed: "
                    + String.join("; ", failures));
        }
    }

    private static void deleteBranch(Repository repo, String branch) {
        try {
            RefUpdate delete = repo.updateRef(Constants.R_HEADS + branch);
            delete.setForceUpdate(true);
            delete.delete();
        } catch (IOException e) {
            // the push error is the one that matters; a stale local branch is named in it by the next attempt
        }
    }

    /** The branch the remote's HEAD points at; else the local branch a clone would track. */
    private static String remoteDefault(Map<String, Ref> refs, Repository repo) throws IOException {
        Ref head = refs.get(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            return Repository.shortenRefName(head.getTarget().getName());
        }
        if (head != null && head.getObjectId() != null) {
            for (Ref ref : refs.values()) {
                if (ref.getName().startsWith(Constants.R_HEADS) && head.getObjectId().equals(ref.getObjectId())) {
                    return Repository.shortenRefName(ref.getName());
                }
            }
        }
        return repo.getBranch();
    }

    /** github.com's clone URL; GitHub Enterprise users name theirs with a remote. */
    private static String gitHubUrl(GitHubRepository repository) {
        return "https://github.com/" + repository.owner() + "/" + repository.name() + ".git";
    }

    private static String redact(String url) {
        return url.replaceAll("//[^/@]+@", "//");
    }

    private static String listed(List<String> paths) {
        int shown = Math.min(paths.size(), 20);
        return String.join(", ", paths.subList(0, shown)) + (paths.size() > shown ? " and " + (paths.size() - shown) + " more" : "");
    }
}
