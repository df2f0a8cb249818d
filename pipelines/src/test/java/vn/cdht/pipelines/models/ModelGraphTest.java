package vn.cdht.pipelines.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelGraphTest {

    @Test
    void whatAModelReadsComesFromItsTextNotFromItsCommentsOrStrings() {
        String sql = """
                -- reads ref.not_this, nor int_not_this
                SELECT a.x, 'core.not_this either' AS s, 'it''s int_no' AS t
                FROM core.accounts a
                JOIN int_areas r ON r.code = a.code
                LEFT JOIN mart.coverage c ON c.k = a.k  -- and not quarantine.rows
                """;
        assertEquals(Set.of("core.accounts", "int.areas", "mart.coverage"), ModelGraph.reads(sql));
    }

    @Test
    void everyMartDependsOnWhatItsSqlAndItsIntermediateModelsName() {
        ModelGraph graph = ModelGraph.load();
        List<String> marts = graph.layer("mart").stream().map(ModelGraph.Model::name).toList();
        assertTrue(marts.containsAll(List.of("coverage", "unit_progress", "criteria", "trend", "targets", "data_quality")), marts.toString());
        assertTrue(marts.indexOf("targets") > marts.indexOf("coverage"), "targets reads mart.coverage: " + marts);

        // the reference geography int/areas.sql reads: a new version of it is a new input of every mart built on it
        Set<String> coverage = graph.tablesRead(graph.model("mart.coverage"));
        assertTrue(coverage.containsAll(Set.of("ref.communes_2024", "ref.communes_2025", "ref.districts_2024",
                "core.accounts", "core.self_assessments", "raw.accounts", "agg.commune_months")), coverage.toString());
        assertTrue(graph.tablesRead(graph.model("mart.targets")).contains("mart.coverage"));

        List<String> intermediates = graph.intermediatesOf(graph.model("mart.coverage")).stream().map(ModelGraph.Model::name).toList();
        assertTrue(intermediates.indexOf("commune_month_facts") < intermediates.indexOf("areas"), intermediates.toString());
        // a stored sum of agg/ is computed before the marts, from what its own SQL names
        List<String> layers = graph.all().stream().map(ModelGraph.Model::layer).distinct().toList();
        assertTrue(layers.indexOf("agg") < layers.indexOf("mart"), layers.toString());
        assertTrue(graph.tablesRead(graph.model("agg.criteria_sums")).contains("core.yearly_assessments"));
    }

    @Test
    void aChangedIntermediateModelChangesTheFingerprintOfTheMartsThatReadIt(@TempDir Path dir) throws Exception {
        ModelGraph graph = ModelGraph.load();
        String before = graph.fingerprint(graph.model("mart.coverage"));
        write(dir, "int/areas.sql", "SELECT 1 AS x");
        ModelGraph changed = ModelGraph.load(new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                // the copy in the folder first, as a deployment that replaced the file would see it
                Path p = dir.resolve(name);
                try {
                    return Files.exists(p) ? Files.newInputStream(p) : super.getResourceAsStream(name);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        assertTrue(!before.equals(changed.fingerprint(changed.model("mart.coverage"))));
        assertEquals(graph.fingerprint(graph.model("mart.data_quality")), changed.fingerprint(changed.model("mart.data_quality")),
                "data_quality reads no intermediate model");
    }

    /**
     * The worked example of issue 16: a new mart is one SQL file (plus its line in docs/marts-schema.md). Nothing else
     * names it: it is found, ordered after the marts it reads, and its inputs are what it names.
     */
    @Test
    void aNewMartIsOneSqlFile(@TempDir Path dir) throws Exception {
        write(dir, "mart/commune_ranking.sql", """
                -- Communes by registered share, highest first (a throwaway mart of the test)
                SELECT c.province_code, c.commune_code, c.registered_rate,
                       rank() OVER (PARTITION BY c.province_code ORDER BY c.registered_rate DESC) AS place
                FROM mart.coverage c
                JOIN int_areas a ON a.geography = c.geography AND a.commune_code = c.commune_code
                WHERE c.level = 'commune' AND c.is_reported_month
                """);
        ModelGraph graph = ModelGraph.load(new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()));
        List<String> marts = graph.layer("mart").stream().map(ModelGraph.Model::name).toList();
        assertTrue(marts.indexOf("commune_ranking") > marts.indexOf("coverage"), marts.toString());
        ModelGraph.Model ranking = graph.model("mart.commune_ranking");
        assertEquals(Set.of("int.areas", "mart.coverage"), ranking.reads());
        assertTrue(graph.tablesRead(ranking).containsAll(Set.of("mart.coverage", "ref.communes_2025")), graph.tablesRead(ranking).toString());
        assertTrue(graph.intermediatesOf(ranking).stream().map(ModelGraph.Model::name).toList().contains("areas"));
    }

    private static void write(Path dir, String model, String sql) throws Exception {
        Path file = dir.resolve("sql").resolve(model);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }
}
