package vn.cdht.warehouse.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of one resource folder, from every directory and jar of a class path that has it: what a class loader
 * cannot list by itself. A model or migration is found by being there, not by being named in a list.
 */
public final class ClasspathFolder {

    private ClasspathFolder() {
    }

    /** The files of {@code folder} whose name ends with {@code suffix}, by file name. */
    public static List<Path> files(ClassLoader loader, String folder, String suffix) {
        List<Path> out = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                URI uri = url.toURI();
                Path root = "jar".equals(uri.getScheme()) ? jar(uri).getPath(folder) : Path.of(uri);
                try (Stream<Path> files = Files.list(root)) {
                    files.filter(p -> p.getFileName().toString().endsWith(suffix)).forEach(out::add);
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + folder + " on the class path", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " on the class path: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    private static FileSystem jar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }
}
