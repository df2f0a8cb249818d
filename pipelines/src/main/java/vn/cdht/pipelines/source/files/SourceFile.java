package vn.cdht.pipelines.source.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * One file of an export batch.
 *
 * @param name   the file's name within its batch: its path relative to the batch's root, '/'-separated
 *               ({@code sub1/tai_khoan.csv}; a bare name at the root); the entity and format come from its last
 *               segment
 * @param path   where its bytes are on disk (inside the batch folder, or extracted from the zip)
 * @param entity the entity its name designates, empty when it matches none
 * @param format CSV or XLSX from the extension, empty for any other extension
 * @param size   bytes
 * @param sha256 lower-case hex SHA-256 of the bytes
 */
public record SourceFile(String name, Path path, Optional<SourceEntity> entity, Optional<SourceFormat> format,
                         long size, String sha256) {

    /** True when the file is to be read: a known entity in a known format. */
    public boolean matched() {
        return entity.isPresent() && format.isPresent();
    }

    /** Why the file is not read, for the batch report; empty when it is {@link #matched()}. */
    public Optional<String> ignoredReason() {
        if (format.isEmpty()) {
            return Optional.of("extension is neither .csv nor .xlsx");
        }
        if (entity.isEmpty()) {
            return Optional.of("file name matches no entity (tai_khoan, don_vi, phieu_danh_gia, cong_nhan, dan_so)");
        }
        return Optional.empty();
    }

    /** The entity, for a matched file. */
    public SourceEntity requireEntity() {
        return entity.orElseThrow(() -> new SourceFileException(name + ": " + ignoredReason().orElse("no entity")));
    }

    /** Describes one file on disk (hashing it), e.g. a file given on its own rather than as part of a batch. */
    public static SourceFile of(Path path) {
        return BatchFiles.describeFile(path);
    }

    public InputStream open() {
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new SourceFileException(name + ": cannot open (" + e.getMessage() + ")", e);
        }
    }
}
