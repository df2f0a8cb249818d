package vn.cdht.warehouse.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Writes the analyst database: a DuckDB file that any stock DuckDB client opens (no cdht code, no Iceberg extension),
 * holding the current snapshot of every table {@link PublishScope} allows, the tables {@code main.metadata} and
 * {@code main.published_tables}, and the views of {@link AnalystViews} whose tables were published.
 *
 * <p>The file is built beside the target and moved over it atomically: a client that has the old file open keeps
 * reading the old one. It starts from a copy of the previous analyst database when there is a usable one
 * ({@link PreviousPublication}): only the tables whose Iceberg snapshot or schema moved since are copied again, the
 * others are kept as they are. Before the move the new file is scanned for CCCD-like numbers; any finding aborts.
 */
public final class AnalystDatabasePublisher {

    private final String cdhtVersion;

    public AnalystDatabasePublisher(String cdhtVersion) {
        this.cdhtVersion = cdhtVersion;
    }

    public AnalystDatabasePublisher() {
        this(defaultVersion());
    }

    public PublishResult publish(Catalog catalog, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(absolute.getParent());
            removeLeftovers(absolute);
            Instant publishedAt = Instant.now();
            Optional<PreviousPublication> previous = PreviousPublication.read(absolute, cdhtVersion);
            // the published tables, loaded once: their snapshots decide what is copied
            Map<TableIdentifier, Table> current = publishedTables(catalog);
            if (previous.isPresent() && nothingMoved(current, previous.get())) {
                return previous.get().result(absolute);
            }
            if (previous.isPresent()) {
                Files.copy(absolute, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            PublishResult result;
            try (Connection duck = DuckDb.open(tmp)) {
                if (previous.isPresent()) {
                    dropViewsAndMetadata(duck);
                }
                List<PublishedTable> tables = copyTables(current, duck,
                        previous.map(PreviousPublication::tables).orElse(Map.of()));
                writeMetadata(duck, publishedAt, tables);
                result = createViews(duck, absolute, publishedAt, tables);
                try (Statement st = duck.createStatement()) {
                    st.execute("CHECKPOINT");
                }
            }
            // a kept table is the one scanned when it was copied
            Set<String> copied = result.tables().stream().filter(PublishedTable::copied)
                    .map(PublishedTable::qualifiedName).collect(Collectors.toSet());
            refuseCccdNumbers(tmp, t -> copied.contains(t) || t.startsWith("main."));
            Files.deleteIfExists(wal(tmp));
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // An analyst database is replaced whole: a write-ahead log of the old file would not belong to the new one.
            Files.deleteIfExists(wal(absolute));
            return result;
        } catch (SQLException e) {
            throw new AnalystException("cannot write the analyst database " + absolute + ": " + AnalystException.firstLine(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the analyst database " + absolute + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(wal(tmp));
        }
    }

    /**
     * Removes the temporary files of a publish that was killed before its end ({@code <name>.tmp-*} and their
     * write-ahead logs). Publishing runs under the home's writer lock, so no other publish can be writing them.
     */
    static void removeLeftovers(Path target) throws IOException {
        String prefix = target.getFileName() + ".tmp-";
        try (var siblings = Files.list(target.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                if (p.getFileName().toString().startsWith(prefix) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Whether every published table is still at the snapshot and schema the previous analyst database holds. */
    private static boolean nothingMoved(Map<TableIdentifier, Table> current, PreviousPublication previous) {
        return current.size() == previous.tables().size() && current.entrySet().stream().allMatch(e -> {
            PublishedTable before = previous.tables().get(name(e.getKey()));
            return before != null && before.holds(e.getValue());
        });
    }

    /** The tables {@link PublishScope} publishes, in name order. */
    private static Map<TableIdentifier, Table> publishedTables(Catalog catalog) {
        Map<TableIdentifier, Table> tables = new LinkedHashMap<>();
        for (TableIdentifier id : publishedIdentifiers(catalog)) {
            tables.put(id, catalog.loadTable(id));
        }
        return tables;
    }

    private static String name(TableIdentifier id) {
        return id.namespace().level(0) + "." + id.name();
    }

    /** Copies the tables whose snapshot or schema is not the one {@code kept} holds, and drops those gone since. */
    private List<PublishedTable> copyTables(Map<TableIdentifier, Table> current, Connection duck,
                                            Map<String, PublishedTable> kept) throws SQLException {
        List<PublishedTable> out = new ArrayList<>();
        TableCopy copy = new TableCopy(duck);
        Set<String> names = new HashSet<>();
        for (Map.Entry<TableIdentifier, Table> entry : current.entrySet()) {
            TableIdentifier id = entry.getKey();
            String schema = id.namespace().level(0);
            String name = name(id);
            names.add(name);
            Table table = entry.getValue();
            PublishedTable before = kept.get(name);
            if (before != null && before.holds(table)) {
                out.add(before.kept());
                continue;
            }
            if (before != null) {
                drop(duck, schema, id.name());
            }
            SnapshotFiles files = SnapshotFiles.current(table, name);
            long rows;
            try {
                rows = copy.copy(schema, id.name(), table.schema(), files);
            } catch (SQLException e) {
                throw new AnalystException("cannot publish table " + name + ": " + AnalystException.firstLine(e), e);
            }
            out.add(new PublishedTable(schema, id.name(), files.snapshotId(), table.schema().schemaId(), rows, true));
        }
        for (PublishedTable gone : kept.values()) {
            if (!names.contains(gone.qualifiedName())) {
                drop(duck, gone.schema(), gone.table());
            }
        }
        return out;
    }

    private static void drop(Connection duck, String schema, String table) throws SQLException {
        try (Statement st = duck.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + DuckDb.ident(schema) + "." + DuckDb.ident(table));
        }
    }

    /** The views and the two metadata tables of a copied analyst database: written again at the end of a publish. */
    private static void dropViewsAndMetadata(Connection duck) throws SQLException {
        try (Statement st = duck.createStatement()) {
            List<String> views = new ArrayList<>();
            try (var rs = st.executeQuery("SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal"
                    + " AND database_name = current_database()")) {
                while (rs.next()) {
                    views.add(DuckDb.ident(rs.getString(1)) + "." + DuckDb.ident(rs.getString(2)));
                }
            }
            for (String view : views) {
                st.execute("DROP VIEW " + view);
            }
            st.execute("DROP TABLE main.metadata");
            st.execute("DROP TABLE main.published_tables");
        }
    }

    static List<TableIdentifier> publishedIdentifiers(Catalog catalog) {
        List<TableIdentifier> ids = new ArrayList<>();
        Set<String> namespaces = new HashSet<>(PublishScope.WHOLE_NAMESPACES);
        namespaces.add("core");
        for (String ns : namespaces) {
            Namespace namespace = Namespace.of(ns);
            if (catalog instanceof SupportsNamespaces sn && !sn.namespaceExists(namespace)) {
                continue;
            }
            catalog.listTables(namespace).stream().filter(PublishScope::isPublished).forEach(ids::add);
        }
        ids.sort(Comparator.comparing(TableIdentifier::toString));
        return ids;
    }

    private void writeMetadata(Connection duck, Instant publishedAt, List<PublishedTable> tables) throws SQLException {
        try (Statement st = duck.createStatement()) {
            st.execute("CREATE TABLE main.metadata (published_at TIMESTAMPTZ, cdht_version VARCHAR, duckdb_version VARCHAR)");
            st.execute("CREATE TABLE main.published_tables (schema_name VARCHAR, table_name VARCHAR,"
                    + " snapshot_id BIGINT, row_count BIGINT, schema_id INTEGER)");
        }
        try (PreparedStatement ps = duck.prepareStatement(
                "INSERT INTO main.metadata SELECT CAST(? AS TIMESTAMPTZ), ?, version()")) {
            ps.setString(1, publishedAt.toString());
            ps.setString(2, cdhtVersion);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = duck.prepareStatement("INSERT INTO main.published_tables VALUES (?, ?, ?, ?, ?)")) {
            for (PublishedTable t : tables) {
                ps.setString(1, t.schema());
                ps.setString(2, t.table());
                ps.setObject(3, t.snapshotId());
                ps.setLong(4, t.rows());
                ps.setInt(5, t.schemaId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static PublishResult createViews(Connection duck, Path target, Instant publishedAt, List<PublishedTable> tables)
            throws SQLException {
        Set<String> published = tables.stream().map(PublishedTable::qualifiedName).collect(Collectors.toSet());
        List<String> created = new ArrayList<>();
        List<SkippedView> skipped = new ArrayList<>();
        try (Statement st = duck.createStatement()) {
            for (AnalystViews.View view : AnalystViews.all()) {
                List<String> missing = view.tables().stream().filter(t -> !published.contains(t)).toList();
                if (!missing.isEmpty()) {
                    skipped.add(new SkippedView(view.name(), String.join(", ", missing) + " not published"));
                    continue;
                }
                try {
                    st.execute(view.sql());
                } catch (SQLException e) {
                    // A mart whose columns changed must not stop the tables from being published.
                    skipped.add(new SkippedView(view.name(), "analyst/views/" + view.name() + ".sql does not match "
                            + String.join(", ", view.tables()) + ": " + AnalystException.firstLine(e)));
                    continue;
                }
                created.add(view.name());
            }
        }
        return new PublishResult(target, publishedAt, tables, created, skipped);
    }

    private static void refuseCccdNumbers(Path file, Predicate<String> tables) {
        List<PersonalDataScan.Finding> findings = new PersonalDataScan().scan(file, tables);
        if (!findings.isEmpty()) {
            PersonalDataScan.Finding f = findings.get(0);
            throw new AnalystException("refusing to publish: " + findings.size() + " column(s) hold CCCD-like numbers, first "
                    + f.table() + "." + f.column() + " (e.g. " + PersonalDataScan.mask(f.sample())
                    + "); fix the model that writes it, then publish again");
        }
    }

    private static Path wal(Path db) {
        return db.resolveSibling(db.getFileName() + ".wal");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless: the next publish uses another name
        }
    }

    private static String defaultVersion() {
        String v = AnalystDatabasePublisher.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
