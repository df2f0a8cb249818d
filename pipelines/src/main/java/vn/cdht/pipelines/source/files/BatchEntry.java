package vn.cdht.pipelines.source.files;

import java.nio.file.Path;

/**
 * A file of a batch before it is named: where it is and its path ('/'-separated, normalised) relative to the folder
 * or zip it was found in.
 */
record BatchEntry(String relativePath, Path path, long size, String sha256) {
}
