package vn.cdht.warehouse.analyst;

import java.util.Set;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Which Iceberg tables go to the analyst database: those without personal data. Every table of {@code mart} and
 * {@code ref}, and the {@code core} tables where citizens appear only as the pseudonym {@code citizen_key}. Never
 * {@code raw}, {@code restricted} or {@code quarantine}, nor any table of a namespace not named here.
 */
final class PublishScope {

    static final Set<String> WHOLE_NAMESPACES = Set.of("mart", "ref");
    static final Set<String> CORE_TABLES =
            Set.of("units", "accounts", "self_assessments", "yearly_assessments", "recognitions", "population");

    private PublishScope() {
    }

    static boolean isPublished(TableIdentifier id) {
        if (id.namespace().levels().length != 1) {
            return false;
        }
        String ns = id.namespace().level(0);
        return WHOLE_NAMESPACES.contains(ns) || ns.equals("core") && CORE_TABLES.contains(id.name());
    }
}
