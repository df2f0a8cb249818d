package vn.cdht.warehouse.ingest;

import java.time.Instant;

/** One ingestion batch as the ledger holds it; {@code holder} is the host:pid that ran it last. */
public record BatchRecord(String batchId, String source, String location, String checksum, String status,
                          Integer files, Long rowsRead, Long rowsAccepted, Long rowsQuarantined, Long rowsSuperseded,
                          Instant receivedAt, Instant startedAt, Instant endedAt, String message, String holder) {
}
