package vn.cdht.pipelines.ingest;

import java.util.List;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * How each source entity lands in {@code core}, in load order (units before the accounts that name them, accounts
 * before the assessments and recognitions that refer to them): its key and the column whose newer value wins.
 */
public enum CoreEntity {
    UNITS(SourceEntity.UNITS, List.of("unit_code"), "updated_at", List.of()),
    ACCOUNTS(SourceEntity.ACCOUNTS, List.of("account_id"), "updated_at", List.of("account_id", "citizen_key")),
    SELF_ASSESSMENTS(SourceEntity.SELF_ASSESSMENTS, List.of("assessment_id"), "updated_at", List.of("account_id")),
    RECOGNITIONS(SourceEntity.RECOGNITIONS, List.of("account_id", "year"), "version_at", List.of("account_id")),
    POPULATION(SourceEntity.POPULATION, List.of("year", "commune_code"), "version_at", List.of());

    private final SourceEntity source;
    private final List<String> key;
    private final String version;
    private final List<String> tracked;

    CoreEntity(SourceEntity source, List<String> key, String version, List<String> tracked) {
        this.source = source;
        this.key = key;
        this.version = version;
        this.tracked = tracked;
    }

    /**
     * The columns whose old and new values go to {@code core.changes} (account_id, and an account's citizen_key):
     * what the citizen-level tables are maintained by. Empty: the entity's changes are not tracked per account, and a
     * table that reads it is rebuilt when it moves (units, population).
     */
    public List<String> tracked() {
        return tracked;
    }

    public SourceEntity source() {
        return source;
    }

    public List<String> key() {
        return key;
    }

    public String version() {
        return version;
    }

    public String table() {
        return source.table();
    }

    public static CoreEntity of(SourceEntity source) {
        for (CoreEntity e : values()) {
            if (e.source == source) {
                return e;
            }
        }
        throw new IllegalArgumentException(source.name());
    }
}
