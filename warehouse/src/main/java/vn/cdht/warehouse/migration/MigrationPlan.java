package vn.cdht.warehouse.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.cdht.warehouse.config.VietnamTime;

/**
 * The migrations against the warehouse's schema history: which are applied, which are pending, and whether the history
 * and the scripts still agree (an applied script edited, a migration applied by a newer cdht, a new script older than
 * the warehouse). Knows nothing of Spark: the caller reads the history and runs the statements.
 */
public final class MigrationPlan {

    private final MigrationScripts scripts;
    private final Map<MigrationVersion, SchemaHistoryEntry> history = new TreeMap<>();

    public MigrationPlan(MigrationScripts scripts, List<SchemaHistoryEntry> history) {
        this.scripts = scripts;
        history.forEach(e -> this.history.put(e.version(), e));
    }

    /** The newest version applied with success, if any. */
    public Optional<MigrationVersion> current() {
        return history.values().stream().filter(SchemaHistoryEntry::success).map(SchemaHistoryEntry::version)
                .max(Comparator.naturalOrder());
    }

    /** Every migration known to the scripts or the history, in version order, with its state. */
    public List<MigrationInfo> info() {
        TreeSet<MigrationVersion> versions = new TreeSet<>(history.keySet());
        scripts.all().forEach(s -> versions.add(s.version()));
        List<MigrationInfo> out = new ArrayList<>();
        for (MigrationVersion v : versions) {
            Optional<MigrationScript> script = scripts.find(v);
            SchemaHistoryEntry applied = history.get(v);
            MigrationState state = state(v, script, applied);
            out.add(new MigrationInfo(v, applied != null ? applied.description() : script.get().description(),
                    applied != null ? applied.script() : script.get().script(), state,
                    applied == null ? null : applied.installedAt(), applied == null ? null : applied.executionMs()));
        }
        return out;
    }

    /**
     * What to apply, in order, up to {@code target} (every pending one if empty).
     *
     * @throws WarehouseMigrationException if the scripts and the history disagree: nothing may be applied then
     */
    public List<PendingMigration> pending(Optional<MigrationVersion> target) {
        validate();
        List<PendingMigration> out = new ArrayList<>();
        for (MigrationScript s : scripts.all()) {
            if (target.isPresent() && s.version().compareTo(target.get()) > 0) {
                break;
            }
            SchemaHistoryEntry applied = history.get(s.version());
            if (applied == null) {
                out.add(new PendingMigration(s, 1));
            } else if (!applied.success()) {
                out.add(new PendingMigration(s, applied.failedStatement() == null ? 1 : applied.failedStatement()));
            }
        }
        return out;
    }

    private void validate() {
        for (MigrationInfo m : info()) {
            SchemaHistoryEntry applied = history.get(m.version());
            switch (m.state()) {
                case CHANGED -> throw new WarehouseMigrationException("warehouse migration " + m.script()
                        + " was edited after it was applied on " + VietnamTime.format(applied.installedAt())
                        + " (checksum " + applied.checksum().substring(0, 12) + "… then, "
                        + scripts.find(m.version()).orElseThrow().checksum().substring(0, 12) + "… now): put it back as it"
                        + " was and write the change as a new migration V" + next() + "__<what_changes>.sql");
                case UNKNOWN -> throw new WarehouseMigrationException("the warehouse has migration " + m.script()
                        + (applied.success() ? "" : " (failed)") + " applied by a newer cdht, which this one does not have"
                        + scripts.latest().map(l -> " (its newest is V" + l + ")").orElse("")
                        + ": run the cdht that upgraded the warehouse, or a newer one");
                case OUT_OF_ORDER -> throw new WarehouseMigrationException("warehouse migration " + m.script()
                        + " is older than the warehouse's version " + current().orElseThrow()
                        + " and was never applied: give it a version above " + current().orElseThrow()
                        + " (rename it V" + next() + "__" + m.script().replaceFirst("^V[^_]*__", "") + ")");
                default -> { }
            }
        }
    }

    /** The next whole version after every known one (for messages). */
    private String next() {
        int highest = info().stream().mapToInt(m -> m.version().parts().get(0)).max().orElse(0);
        return String.valueOf(highest + 1);
    }

    private MigrationState state(MigrationVersion v, Optional<MigrationScript> script, SchemaHistoryEntry applied) {
        if (script.isEmpty()) {
            return MigrationState.UNKNOWN;
        }
        if (applied == null) {
            return current().filter(c -> c.compareTo(v) > 0).isPresent() ? MigrationState.OUT_OF_ORDER : MigrationState.PENDING;
        }
        if (!applied.success()) {
            return MigrationState.FAILED;
        }
        return applied.checksum().equals(script.get().checksum()) ? MigrationState.APPLIED : MigrationState.CHANGED;
    }
}
