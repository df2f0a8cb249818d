package vn.cdht.warehouse.control;

import java.time.Instant;

/** One migration as Flyway reports it. */
public record AppliedMigration(String version, String description, String state, Instant installedOn) {
}
