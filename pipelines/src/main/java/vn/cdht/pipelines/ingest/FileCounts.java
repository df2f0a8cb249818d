package vn.cdht.pipelines.ingest;

/** The reconciliation of one file: rows read = accepted + quarantined + superseded. */
public record FileCounts(long read, long accepted, long quarantined, long superseded) {

    public boolean reconciles() {
        return read == accepted + quarantined + superseded;
    }
}
