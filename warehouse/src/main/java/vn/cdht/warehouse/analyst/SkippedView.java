package vn.cdht.warehouse.analyst;

/**
 * A view left out of the analyst database: the tables it reads were not published, or its SQL does not match them
 * (a mart whose columns changed); {@code reason} says which.
 */
public record SkippedView(String name, String reason) {
}
