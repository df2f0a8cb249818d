package vn.cdht.orchestration.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The stages of one pipeline run, in order. The same list drives {@code cdht run}, the embedded scheduler and the
 * generated Airflow DAG ({@code cdht airflow dag}).
 */
public enum PipelineStage {
    INGEST("ingest", true, "Ingest every new export batch of the inbox and, if configured, the operational database"),
    INDICATORS("indicators", true, "Compute the indicator marts whose inputs changed"),
    PUBLISH("publish", false, "Write the analyst DuckDB database"),
    BULLETINS("bulletins", false, "Render the period's bulletins and tables for every subscribed scope"),
    DELIVER("deliver", false, "Send the new reports to their subscribers"),
    MAINTAIN("maintain", true, "Table upkeep: compact small and delete files, expire old snapshots (keeping every one a"
            + " registered report read) and remove orphan files");

    private final String code;
    private final boolean spark;
    private final String description;

    PipelineStage(String code, boolean spark, String description) {
        this.code = code;
        this.spark = spark;
        this.description = description;
    }

    public String code() {
        return code;
    }

    /** Whether the stage runs Spark jobs (submitted to the cluster under Airflow). */
    public boolean spark() {
        return spark;
    }

    public String description() {
        return description;
    }

    /** The stages from {@code from} (inclusive) to the end. */
    public List<PipelineStage> andAfter() {
        return Arrays.stream(values()).filter(s -> s.ordinal() >= ordinal()).toList();
    }

    public static PipelineStage of(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (PipelineStage s : values()) {
            if (s.code.equals(c)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + code + "': use "
                + Arrays.stream(values()).map(PipelineStage::code).collect(Collectors.joining(", ")));
    }
}
