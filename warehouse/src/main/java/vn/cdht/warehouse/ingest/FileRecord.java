package vn.cdht.warehouse.ingest;

/** One file of a batch (or one table of a database read) and its reconciliation. */
public record FileRecord(String batchId, String fileName, String entity, String sha256, Long sizeBytes, String status,
                         long rowsRead, long rowsAccepted, long rowsQuarantined, long rowsSuperseded,
                         long trailerRows, String unknownColumns, String message) {

    /** Rows read = accepted + quarantined + superseded. */
    public boolean reconciles() {
        return rowsRead == rowsAccepted + rowsQuarantined + rowsSuperseded;
    }
}
