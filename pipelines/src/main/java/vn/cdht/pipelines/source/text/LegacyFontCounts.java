package vn.cdht.pipelines.source.text;

/** How many cells of a file were typed in a legacy font and converted, per font encoding. */
public record LegacyFontCounts(long tcvn3, long vni) {

    public static final LegacyFontCounts NONE = new LegacyFontCounts(0, 0);

    public long total() {
        return tcvn3 + vni;
    }
}
