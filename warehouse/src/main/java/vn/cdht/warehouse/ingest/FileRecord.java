package vn.cdht.warehouse.ingest;

/**
 * One file of a batch (or one table of a database read) and its reconciliation.
 *
 * @param encoding   the text encoding the file was found in ("UTF-8", "Windows-1258", "TCVN3", "XLSX (Unicode)"...),
 *                   null for a file not read (and a database table, and files ingested before it was recorded)
 * @param tcvn3Cells cells typed in the TCVN3 (ABC) font and converted to Unicode
 * @param vniCells   cells typed in a VNI font and converted to Unicode
 */
public record FileRecord(String batchId, String fileName, String entity, String sha256, Long sizeBytes, String status,
                         long rowsRead, long rowsAccepted, long rowsQuarantined, long rowsSuperseded,
                         long trailerRows, String unknownColumns, String message, String encoding, long tcvn3Cells,
                         long vniCells) {

    /** A file whose encoding is not known (not read, or a database table). */
    public FileRecord(String batchId, String fileName, String entity, String sha256, Long sizeBytes, String status,
                      long rowsRead, long rowsAccepted, long rowsQuarantined, long rowsSuperseded,
                      long trailerRows, String unknownColumns, String message) {
        this(batchId, fileName, entity, sha256, sizeBytes, status, rowsRead, rowsAccepted, rowsQuarantined,
                rowsSuperseded, trailerRows, unknownColumns, message, null, 0, 0);
    }

    /** Rows read = accepted + quarantined + superseded. */
    public boolean reconciles() {
        return rowsRead == rowsAccepted + rowsQuarantined + rowsSuperseded;
    }

    /**
     * The encoding as reports show it, with the cells converted from a legacy font: "Windows-1258", "XLSX (Unicode);
     * TCVN3 font: 120 cells converted"; empty when not known.
     */
    public String encodingNote() {
        StringBuilder note = new StringBuilder(encoding == null ? "" : encoding);
        if (tcvn3Cells > 0) {
            note.append(note.isEmpty() ? "" : "; ").append("TCVN3 font: ").append(cells(tcvn3Cells)).append(" converted");
        }
        if (vniCells > 0) {
            note.append(note.isEmpty() ? "" : "; ").append("VNI font: ").append(cells(vniCells)).append(" converted");
        }
        return note.toString();
    }

    private static String cells(long n) {
        return n + (n == 1 ? " cell" : " cells");
    }
}
