package vn.cdht.pipelines.models;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cdht.pipelines.spark.SqlModel;
import vn.cdht.warehouse.io.ClasspathFolder;

/**
 * Every SQL model on the classpath ({@code sql/<layer>/<table>.sql}) and what each reads, as dbt resolves
 * {@code ref()}: the tables its own text names ({@code ref.communes_2025}, {@code mart.coverage}, ...) and the
 * intermediate models it names as views ({@code int_areas} is {@code int.areas}). Comments and string literals are not
 * read. The order models run in, and what a mart's result depends on, follow from this; no list is kept by hand.
 */
public final class ModelGraph {

    /** The layers whose models are SELECTs over the warehouse, in the order a batch and then the indicators go. */
    public static final List<String> LAYERS = List.of("ref", "validate", "core", "restricted", "source", "int", "agg", "mart");

    /** The Iceberg namespaces a model may name. */
    private static final Pattern TABLE = Pattern.compile("\\b(ref|raw|core|restricted|quarantine|agg|mart)\\.([a-z_][a-z0-9_]*)\\b");
    /** An intermediate model, read as the view {@code int_<name>}. */
    private static final Pattern INTERMEDIATE = Pattern.compile("\\bint_([a-z_][a-z0-9_]*)\\b");

    /**
     * One model.
     *
     * @param reads what its text names: tables as {@code namespace.table}, intermediate models as {@code int.<name>}
     */
    public record Model(SqlModel sql, Set<String> reads) {

        public String qualifiedName() {
            return sql.qualifiedName();
        }

        public String layer() {
            return sql.layer();
        }

        public String name() {
            return sql.table();
        }
    }

    private final Map<String, Model> models;

    private ModelGraph(Map<String, Model> models) {
        this.models = models;
    }

    /** Every model of {@link #LAYERS} found on cdht's classpath. */
    public static ModelGraph load() {
        return load(SqlModel.class.getClassLoader());
    }

    /** Every model of {@link #LAYERS} that {@code loader} finds, in every folder or jar it reads. */
    public static ModelGraph load(ClassLoader loader) {
        Map<String, Model> models = new LinkedHashMap<>();
        for (String layer : LAYERS) {
            for (String table : tablesOf(loader, layer)) {
                SqlModel sql = SqlModel.load(loader, layer, table);
                models.put(sql.qualifiedName(), new Model(sql, reads(sql.sql())));
            }
        }
        return new ModelGraph(models);
    }

    /** Every model, layer by layer, each layer in dependency order. */
    public List<Model> all() {
        List<Model> out = new ArrayList<>();
        LAYERS.forEach(l -> out.addAll(layer(l)));
        return out;
    }

    /** The models of one layer, each after the models of the same layer it reads (ties by name). */
    public List<Model> layer(String layer) {
        Map<String, Model> pending = new TreeMap<>();
        models.values().stream().filter(m -> m.layer().equals(layer)).forEach(m -> pending.put(m.qualifiedName(), m));
        List<Model> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Model next = pending.values().stream()
                    .filter(m -> m.reads().stream().noneMatch(r -> pending.containsKey(r) && !r.equals(m.qualifiedName())))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the models " + pending.keySet() + " read each other in a cycle"));
            ordered.add(next);
            pending.remove(next.qualifiedName());
        }
        return ordered;
    }

    public Model model(String qualifiedName) {
        Model m = models.get(qualifiedName);
        if (m == null) {
            throw new IllegalArgumentException("no SQL model " + qualifiedName);
        }
        return m;
    }

    /** The intermediate models {@code model} reads, directly or through other intermediate models, in run order. */
    public List<Model> intermediatesOf(Model model) {
        Set<String> needed = new TreeSet<>();
        collectIntermediates(model, needed);
        return layer("int").stream().filter(m -> needed.contains(m.qualifiedName())).toList();
    }

    /** The warehouse tables {@code model}'s result depends on: what it and its intermediate models name, sorted. */
    public Set<String> tablesRead(Model model) {
        Set<String> tables = new TreeSet<>();
        List<Model> through = new ArrayList<>(intermediatesOf(model));
        through.add(model);
        for (Model m : through) {
            m.reads().stream().filter(r -> !r.startsWith("int.") && !r.equals(model.qualifiedName())).forEach(tables::add);
        }
        return tables;
    }

    /** A digest of the text of {@code model} and of every intermediate model it reads: it changes when one of them does. */
    public String fingerprint(Model model) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Model m : intermediatesOf(model)) {
                md.update(m.sql().select().getBytes(StandardCharsets.UTF_8));
            }
            md.update(model.sql().select().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void collectIntermediates(Model model, Set<String> needed) {
        for (String r : model.reads()) {
            if (r.startsWith("int.") && needed.add(r)) {
                collectIntermediates(model(r), needed);
            }
        }
    }

    /** What a model's text names, outside comments and string literals. */
    static Set<String> reads(String sql) {
        String code = withoutCommentsAndLiterals(sql);
        Set<String> out = new TreeSet<>();
        Matcher t = TABLE.matcher(code);
        while (t.find()) {
            out.add(t.group(1) + "." + t.group(2));
        }
        Matcher i = INTERMEDIATE.matcher(code);
        while (i.find()) {
            out.add("int." + i.group(1));
        }
        return out;
    }

    /** The text with every {@code -- comment} and {@code 'literal'} replaced by a space. */
    static String withoutCommentsAndLiterals(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            } else if (c == '\'') {
                i++;
                while (i < sql.length()) {
                    char d = sql.charAt(i);
                    if (d == '\\') {
                        i += 2;
                    } else if (d == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        i++;
                    }
                }
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The table names of one layer's SQL files, from every folder and jar of the class path that has the layer. */
    private static Set<String> tablesOf(ClassLoader loader, String layer) {
        Set<String> tables = new TreeSet<>();
        for (Path p : ClasspathFolder.files(loader, "sql/" + layer, ".sql")) {
            String name = p.getFileName().toString();
            tables.add(name.substring(0, name.length() - 4));
        }
        return tables;
    }
}
