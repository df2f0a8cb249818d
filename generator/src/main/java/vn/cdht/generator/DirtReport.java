package vn.cdht.generator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.cdht.warehouse.source.SourceEntity;

/** How many times each kind of mess was injected, per entity (file-level kinds: per file). */
public final class DirtReport {

    private final Map<SourceEntity, EnumMap<DirtKind, Long>> counts = new EnumMap<>(SourceEntity.class);

    void add(SourceEntity entity, DirtKind kind) {
        counts.computeIfAbsent(entity, e -> new EnumMap<>(DirtKind.class)).merge(kind, 1L, Long::sum);
    }

    public long count(SourceEntity entity, DirtKind kind) {
        return counts.getOrDefault(entity, new EnumMap<>(DirtKind.class)).getOrDefault(kind, 0L);
    }

    public long count(DirtKind kind) {
        return counts.values().stream().mapToLong(m -> m.getOrDefault(kind, 0L)).sum();
    }

    public long total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    public boolean isEmpty() {
        return total() == 0;
    }

    /** One entry per (entity, kind) injected at least once, in entity then kind order. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        counts.forEach((e, m) -> m.forEach((k, n) -> out.add(new Entry(e, k, n))));
        return out;
    }

    public record Entry(SourceEntity entity, DirtKind kind, long count) {
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries()) {
            sb.append(e.entity().fileStem()).append(' ').append(e.kind().code()).append(' ').append(e.count()).append('\n');
        }
        return sb.toString();
    }
}
