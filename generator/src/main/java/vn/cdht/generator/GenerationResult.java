package vn.cdht.generator;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * What a generation produced.
 *
 * @param areaName     the province's name
 * @param oldProvinces the old provinces generated
 * @param communes     old communes generated
 * @param rows         clean rows per entity (what the database holds after a load)
 * @param written      rows written to export files per entity, dirty extras (duplicates, older versions, orphans)
 *                     included; only {@code dan_so} when loading into a database
 * @param scoreRows    criterion scores (ten per assessment; the {@code assessment_scores} rows of a load)
 * @param dirt         the mess injected (empty at dirty rate 0)
 * @param elapsed      how long it took (not part of any output)
 */
public record GenerationResult(String areaName, List<String> oldProvinces, int communes, Map<SourceEntity, Long> rows,
                               Map<SourceEntity, Long> written, long scoreRows, DirtReport dirt, Duration elapsed) {

    public GenerationResult {
        rows = Collections.unmodifiableMap(rows);
        written = Collections.unmodifiableMap(written);
        oldProvinces = List.copyOf(oldProvinces);
    }

    public long rows(SourceEntity e) {
        return rows.getOrDefault(e, 0L);
    }

    public long written(SourceEntity e) {
        return written.getOrDefault(e, 0L);
    }
}
