package vn.cdht.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.warehouse.ingest.BatchRecord;
import vn.cdht.warehouse.ingest.FileRecord;
import vn.cdht.warehouse.ingest.IngestLedger;

@Command(name = "batches", mixinStandardHelpOptions = true,
        description = {"List what was ingested: batches and their files, with checksums and reconciliation.",
                "Per batch: id, source, status, rows read / accepted / quarantined / superseded, start time;",
                "per file: entity, status, SHA-256 checksum (first 16 digits), its own reconciliation and the text",
                "encoding it was found in (with the cells typed in a legacy font, TCVN3 or VNI, and converted)."})
final class BatchesCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Option(names = "--batch", paramLabel = "ID", description = "Only this batch.")
    String batchId;

    @Option(names = "--no-files", description = "Batches only, without their files.")
    boolean noFiles;

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context()) {
            IngestLedger ledger = ctx.ingestLedger();
            List<BatchRecord> batches = batchId == null ? ledger.batches()
                    : ledger.batch(batchId).map(List::of).orElseThrow(() ->
                            new IllegalArgumentException("no batch " + batchId + " (cdht batches lists them)"));
            var out = ctx.out();
            if (batches.isEmpty()) {
                out.println("Nothing ingested yet: cdht ingest PATH, or cdht demo.");
                return 0;
            }
            TextTable t = new TextTable("BATCH", "SOURCE", "STATUS", "FILES", "READ", "ACCEPTED", "QUARANTINED", "SUPERSEDED", "STARTED (ICT)", "LOCATION");
            for (BatchRecord b : batches) {
                t.row(b.batchId(), b.source(), b.status(), b.files(), b.rowsRead(), b.rowsAccepted(), b.rowsQuarantined(),
                        b.rowsSuperseded(), b.startedAt() == null ? "" : DbCommand.LOCAL_TIME.format(b.startedAt()), b.location());
            }
            t.print(out);
            if (!noFiles) {
                for (BatchRecord b : batches) {
                    out.println();
                    out.println("Batch " + b.batchId() + (b.checksum() == null ? "" : " (checksum " + b.checksum().substring(0, 16) + ")")
                            + (b.message() == null ? "" : ": " + b.message()));
                    TextTable f = new TextTable("  FILE", "ENTITY", "STATUS", "SHA-256", "READ", "ACCEPTED", "QUARANTINED", "SUPERSEDED", "OK", "ENCODING");
                    for (FileRecord r : ledger.files(b.batchId())) {
                        f.row("  " + r.fileName(), r.entity(), r.status(), r.sha256() == null ? "" : r.sha256().substring(0, 16),
                                r.rowsRead(), r.rowsAccepted(), r.rowsQuarantined(), r.rowsSuperseded(), r.reconciles() ? "yes" : "NO",
                                r.encodingNote());
                    }
                    f.print(out);
                }
            }
            out.flush();
            return 0;
        }
    }
}
