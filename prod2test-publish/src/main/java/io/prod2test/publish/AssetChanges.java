package io.prod2test.publish;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Status;

/**
 * What differs between a repository's last commit and its working tree (index included), split
 * into generated asset files and everything else.
 *
 * @param assets    changed, added or deleted files of an {@link AssetArea}, sorted
 * @param deleted   those of {@code assets} that are gone from the working tree
 * @param unrelated every other changed file: the user's own work, never committed by publishing
 */
public record AssetChanges(List<String> assets, Set<String> deleted, List<String> unrelated) {
    public AssetChanges {
        assets = List.copyOf(assets);
        deleted = Set.copyOf(deleted);
        unrelated = List.copyOf(unrelated);
        if (!assets.containsAll(deleted)) {
            throw new IllegalArgumentException("deleted files must be among the asset changes, were " + deleted);
        }
    }

    /** Splits a JGit status; ignored files are not changes. */
    public static AssetChanges of(Status status) {
        TreeSet<String> all = new TreeSet<>();
        all.addAll(status.getAdded());
        all.addAll(status.getChanged());
        all.addAll(status.getModified());
        all.addAll(status.getUntracked());
        all.addAll(status.getConflicting());
        TreeSet<String> gone = new TreeSet<>(status.getMissing());
        gone.addAll(status.getRemoved());
        all.addAll(gone);
        List<String> assets = all.stream().filter(p -> AssetArea.of(p).isPresent()).toList();
        List<String> unrelated = all.stream().filter(p -> AssetArea.of(p).isEmpty()).toList();
        gone.retainAll(assets);
        return new AssetChanges(assets, gone, unrelated);
    }

    /** The asset changes a selection takes. */
    public List<String> selected(PathSelection selection) {
        return assets.stream().filter(selection::matches).toList();
    }
}
