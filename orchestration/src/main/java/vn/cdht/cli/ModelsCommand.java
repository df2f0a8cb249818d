package vn.cdht.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.pipelines.models.ModelGraph;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the SQL models (one file per output table, pipelines/src/main/resources/sql/<layer>/<table>.sql),",
                "layer by layer in the order they run, with what each reads and what it writes, like dbt ls.",
                "What a model reads is found in its own text: the tables it names (namespace.table) and the",
                "intermediate models it names as views (int_<name>). The indicators stage takes the order of the",
                "marts and what each depends on from this; nothing is listed by hand. Opens nothing: no Spark."},
        footer = {"", "Examples:",
                "  cdht models",
                "  cdht models --layer mart",
                "  cdht models --layer mart --transitive"})
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Option(names = "--layer", paramLabel = "LAYER",
            description = "Only this layer: ref, validate, core, restricted, source, int or mart.")
    String layer;

    @Option(names = "--transitive", description = "For int and mart models: every warehouse table read, through the intermediate models too.")
    boolean transitive;

    @Override
    public Integer call() {
        if (layer != null && !ModelGraph.LAYERS.contains(layer)) {
            throw new IllegalArgumentException("unknown layer '" + layer + "': use " + String.join(", ", ModelGraph.LAYERS));
        }
        ModelGraph graph = ModelGraph.load();
        List<ModelGraph.Model> models = layer == null ? graph.all() : graph.layer(layer);
        TextTable t = new TextTable("LAYER", "MODEL", "READS", "WRITES");
        for (ModelGraph.Model m : models) {
            boolean indicators = m.layer().equals("int") || m.layer().equals("agg") || m.layer().equals("mart");
            var reads = transitive && indicators ? graph.tablesRead(m) : m.reads();
            t.row(m.layer(), m.name(), reads.isEmpty() ? source(m) : String.join(", ", reads), writes(m));
        }
        var out = root.spec.commandLine().getOut();
        t.print(out);
        out.println(models.size() + " models.");
        out.flush();
        return 0;
    }

    /** Where a model that names no warehouse table reads from. */
    private static String source(ModelGraph.Model m) {
        return switch (m.layer()) {
            case "source" -> "the operational PostgreSQL database";
            case "ref" -> "the reference and rules files";
            default -> "the job's views of the batch";
        };
    }

    /** What the job does with a model's result. */
    private static String writes(ModelGraph.Model m) {
        return switch (m.layer()) {
            case "int" -> "view int_" + m.name() + " (checkpointed)";
            case "validate" -> "view validated → quarantine.rows";
            case "core", "restricted", "mart", "ref" -> m.qualifiedName();
            case "agg" -> m.qualifiedName() + " (maintained by delta)";
            case "source" -> "staging of " + m.name();
            default -> "";
        };
    }
}
