package io.prod2test.core.ingest.format;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The files behind the user's {@code PATH...} arguments, and their bytes, decompressed.
 *
 * <p>A folder stands for every regular file beneath it, recursively, in sorted path order (so
 * that two runs read the same files in the same order and ordinals line up); hidden files and
 * folders (names starting with {@code .}) are skipped, as editors and tools keep their own files
 * there. A file named twice is read once. Gzip is recognised by its magic bytes, not its name:
 * rotated logs are often compressed without a {@code .gz} ending, and a {@code .gz} file is
 * sometimes plain.
 */
public final class SourceFiles {
    private SourceFiles() {
    }

    /**
     * Expands files and folders into files.
     *
     * @throws Prod2TestException {@link ErrorCode#USAGE} naming a path that does not exist,
     *                            {@link ErrorCode#IO} when a folder cannot be listed
     */
    public static List<Path> expand(List<Path> paths) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new Prod2TestException(ErrorCode.USAGE, path + ": no such file or folder");
            }
            if (!Files.isDirectory(path)) {
                files.add(path.toAbsolutePath().normalize());
                continue;
            }
            List<Path> found = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(p -> !hidden(path, p))
                        .filter(Files::isRegularFile)
                        .forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                throw new Prod2TestException(ErrorCode.IO, path + ": cannot list the folder: " + e.getMessage(), e);
            }
            found.stream().map(p -> p.toAbsolutePath().normalize()).sorted().forEach(files::add);
        }
        return List.copyOf(files);
    }

    /** Whether any name between {@code root} and {@code file} starts with a dot. */
    private static boolean hidden(Path root, Path file) {
        for (Path name : root.relativize(file)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The file's bytes, gunzipped when they start with the gzip magic bytes (all members of a multi-member file). */
    public static InputStream openDecompressed(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            return decompressed(in);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** {@code in} itself, or gunzipped when it starts with the gzip magic bytes; {@code in} must support mark. */
    public static InputStream decompressed(InputStream in) throws IOException {
        InputStream marked = in.markSupported() ? in : new BufferedInputStream(in, 64 * 1024);
        marked.mark(2);
        int b1 = marked.read();
        int b2 = marked.read();
        marked.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(marked, 64 * 1024), 64 * 1024);
        }
        return marked;
    }

    /** Whether the file starts with the gzip magic bytes. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
