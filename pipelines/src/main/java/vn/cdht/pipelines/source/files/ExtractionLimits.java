package vn.cdht.pipelines.source.files;

import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

/**
 * How much one export batch may make ingestion write or hold before it is refused (cdht-defaults.properties,
 * Ingestion section).
 *
 * @param maxZipBytes         total bytes a batch zip may expand to, counted as they are written
 * @param maxZipEntries       entries (files and folders) a batch zip may hold
 * @param maxCompressionRatio how many times its compressed size one entry may expand, once it has written more than
 *                            {@link #RATIO_FREE_BYTES}
 * @param maxRecordChars      the longest CSV record (quoted line breaks included) a reader holds, in characters
 */
public record ExtractionLimits(long maxZipBytes, int maxZipEntries, int maxCompressionRatio, int maxRecordChars) {

    public static final String MAX_ZIP_BYTES = "ingest.limits.max-zip-bytes";
    public static final String MAX_ZIP_ENTRIES = "ingest.limits.max-zip-entries";
    public static final String MAX_COMPRESSION_RATIO = "ingest.limits.max-compression-ratio";
    public static final String MAX_RECORD_CHARS = "ingest.limits.max-record-chars";

    /** An entry may expand any amount up to this size: small, very repetitive CSV files are normal. */
    public static final long RATIO_FREE_BYTES = 1L << 20;

    public static final ExtractionLimits DEFAULTS = new ExtractionLimits(2_147_483_648L, 10_000, 100, 1_000_000);

    public ExtractionLimits {
        if (maxZipBytes <= 0 || maxZipEntries <= 0 || maxCompressionRatio <= 0 || maxRecordChars <= 0) {
            throw new IllegalArgumentException("extraction limits must be positive: " + maxZipBytes + ", "
                    + maxZipEntries + ", " + maxCompressionRatio + ", " + maxRecordChars);
        }
    }

    public static ExtractionLimits from(CdhtConfig config) {
        return new ExtractionLimits(
                positive(config, MAX_ZIP_BYTES, config.getLong(MAX_ZIP_BYTES, DEFAULTS.maxZipBytes)),
                (int) positive(config, MAX_ZIP_ENTRIES, config.getInt(MAX_ZIP_ENTRIES, DEFAULTS.maxZipEntries)),
                (int) positive(config, MAX_COMPRESSION_RATIO,
                        config.getInt(MAX_COMPRESSION_RATIO, DEFAULTS.maxCompressionRatio)),
                (int) positive(config, MAX_RECORD_CHARS, config.getInt(MAX_RECORD_CHARS, DEFAULTS.maxRecordChars)));
    }

    private static long positive(CdhtConfig config, String key, long value) {
        if (value <= 0) {
            throw new ConfigException("configuration key " + key + " must be a positive whole number, not '"
                    + config.find(key).orElse("") + "'");
        }
        return value;
    }
}
