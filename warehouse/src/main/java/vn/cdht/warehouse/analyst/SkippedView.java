package vn.cdht.warehouse.analyst;

import java.util.List;

/** A view left out of the analyst database because the mart tables it reads were not published. */
public record SkippedView(String name, List<String> missingTables) {
}
