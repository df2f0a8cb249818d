package vn.cdht.warehouse.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.source.SourceEntity;
import vn.cdht.warehouse.source.SourceField;

/**
 * The files the reference load reads: the administrative geography and crosswalks shipped in {@code reference/}
 * (facts, never overridden), and the versioned rules in {@code rules/} (criteria sets, achievement rules, targets,
 * citizen groups, crosswalk overrides), each of which a deployment may replace by a file of the same name in
 * {@code rules.dir}.
 */
public final class ReferenceSources {

    public static final List<String> GEOGRAPHY = List.of(
            "admin_units_2024", "admin_units_2025", "commune_crosswalk_2025", "province_crosswalk_2025");
    public static final List<String> RULES = List.of(
            "criteria_sets", "achievement_rules", "digital_skills", "citizen_groups", "targets", "commune_crosswalk_overrides",
            "allocation_weights", "fix_reasons");

    private final Optional<Path> rulesDir;

    public ReferenceSources(Optional<Path> rulesDir) {
        this.rulesDir = rulesDir;
    }

    public static ReferenceSources from(CdhtConfig config) {
        return new ReferenceSources(config.find("rules.dir").map(Path::of));
    }

    public List<SourceTable> readAll() {
        List<SourceTable> out = new ArrayList<>();
        GEOGRAPHY.forEach(name -> out.add(bundled("reference/", name)));
        RULES.forEach(name -> out.add(rule(name)));
        out.add(sourceFields());
        return Collections.unmodifiableList(out);
    }

    /**
     * The fields of the source contract ({@link SourceEntity}) with the header the export files give them, e.g.
     * {@code accounts, citizen_id, Số CCCD}: the labels a fix-list prints, taken from the contract rather than restated.
     */
    public static SourceTable sourceFields() {
        List<List<String>> rows = new ArrayList<>();
        StringBuilder digest = new StringBuilder();
        for (SourceEntity entity : SourceEntity.values()) {
            for (SourceField field : entity.fields()) {
                rows.add(List.of(entity.table(), field.name(), field.header()));
                digest.append(entity.table()).append(',').append(field.name()).append(',').append(field.header()).append('\n');
            }
        }
        return new SourceTable("source_fields", "vn.cdht.warehouse.source.SourceEntity", List.of("entity", "field", "label"),
                rows, sha256(digest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The notice that must travel with the geography files. */
    public static String geographyNotice() {
        return new String(resource("reference/SOURCE.md"), StandardCharsets.UTF_8);
    }

    /** One rules file ({@link #RULES}): the deployment's copy in {@code rules.dir} if there is one, else the bundled one. */
    public SourceTable rule(String name) {
        if (rulesDir.isPresent()) {
            Path file = rulesDir.get().resolve(name + ".csv");
            if (Files.isRegularFile(file)) {
                try {
                    return parse(name, file.toString(), Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read rules file " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return bundled("rules/", name);
    }

    private static SourceTable bundled(String folder, String name) {
        String path = folder + name + ".csv";
        return parse(name, "classpath:" + path, resource(path));
    }

    private static byte[] resource(String path) {
        try (InputStream in = ReferenceSources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    static SourceTable parse(String name, String origin, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> columns = parser.getHeaderNames().stream().map(ReferenceSources::nfc).toList();
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != columns.size()) {
                    throw new IllegalStateException(origin + " line " + parser.getCurrentLineNumber()
                            + ": " + record.size() + " values for " + columns.size() + " columns");
                }
                List<String> row = new ArrayList<>(columns.size());
                for (String v : record) {
                    row.add(v == null || v.isEmpty() ? null : nfc(v));
                }
                rows.add(row);
            }
            return new SourceTable(name, origin, columns, rows, sha256(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + origin + ": " + e.getMessage(), e);
        }
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
