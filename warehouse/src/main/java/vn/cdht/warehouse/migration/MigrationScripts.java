package vn.cdht.warehouse.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cdht.warehouse.io.ClasspathFolder;

/** The warehouse's migrations, in version order, read from one or more folders of the class path. */
public final class MigrationScripts {

    /** The folder of cdht's own migrations: the one definition of every stateful Iceberg table. */
    public static final String LOCATION = "warehouse/migration";

    private final List<MigrationScript> scripts;

    /** @throws WarehouseMigrationException if two scripts have the same version */
    public MigrationScripts(List<MigrationScript> scripts) {
        List<MigrationScript> sorted = new ArrayList<>(scripts);
        sorted.sort(Comparator.comparing(MigrationScript::version));
        Map<MigrationVersion, MigrationScript> seen = new HashMap<>();
        for (MigrationScript s : sorted) {
            MigrationScript other = seen.putIfAbsent(s.version(), s);
            if (other != null) {
                throw new WarehouseMigrationException("warehouse migrations " + other.script() + " and " + s.script()
                        + " have the same version " + s.version() + ": give one of them the next free version");
            }
        }
        this.scripts = List.copyOf(sorted);
    }

    /** cdht's own migrations ({@link #LOCATION}). */
    public static MigrationScripts cdht() {
        return fromClasspath(MigrationScripts.class.getClassLoader(), List.of(LOCATION));
    }

    /** Every {@code V*.sql} in these folders, in every folder and jar of the class path that has them. */
    public static MigrationScripts fromClasspath(ClassLoader loader, List<String> locations) {
        List<MigrationScript> scripts = new ArrayList<>();
        for (String location : locations) {
            scripts.addAll(read(loader, location));
        }
        return new MigrationScripts(scripts);
    }

    public List<MigrationScript> all() {
        return scripts;
    }

    public Optional<MigrationScript> find(MigrationVersion version) {
        return scripts.stream().filter(s -> s.version().equals(version)).findFirst();
    }

    public Optional<MigrationVersion> latest() {
        return scripts.isEmpty() ? Optional.empty() : Optional.of(scripts.get(scripts.size() - 1).version());
    }

    private static List<MigrationScript> read(ClassLoader loader, String location) {
        List<MigrationScript> out = new ArrayList<>();
        for (Path p : ClasspathFolder.files(loader, location, ".sql")) {
            try {
                out.add(MigrationScript.of(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the warehouse migration " + p + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
