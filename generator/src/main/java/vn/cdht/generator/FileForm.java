package vn.cdht.generator;

/**
 * How an export file is laid out: clean files are UTF-8 without BOM, {@code ,} and LF (CSV), or a header on the first
 * row (XLSX); dirty batches vary this the way real exports do.
 */
public record FileForm(boolean bom, char separator, boolean crlf, boolean titleBlock, boolean signatureBlock) {

    public static final FileForm CLEAN = new FileForm(false, ',', false, false, false);

    /**
     * The form of the n-th file of a dirty batch: the flags are the bits of (n + offset) mod 8, so any five files of a
     * batch show each variation at least once.
     */
    public static FileForm dirty(int fileIndex, long seed) {
        int v = (int) Math.floorMod(fileIndex + Seeds.mix(seed), 8L);
        return new FileForm((v & 1) != 0, (v & 2) != 0 ? ';' : ',', (v & 4) != 0, true, true);
    }
}
