package vn.cdht.pipelines.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.indicators.IndicatorsFixture;
import vn.cdht.pipelines.indicators.IndicatorsJob;
import vn.cdht.warehouse.analyst.SnapshotLoader;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.config.CdhtConfig;

/**
 * A real Spark standalone cluster on loopback: a master and two workers (one core, 1 GB each), separate JVMs started
 * from the project's own jars (the test class path), whose executors are launched by the workers from a temporary
 * SPARK_HOME. The hand-made batch of the indicators test is ingested and the marts computed twice, each time on a fresh
 * embedded warehouse and in a JVM of its own ({@link ClusterJob}), at the same time: once with {@code local[2]}, once
 * with the cluster's {@code spark://} URL. Every mart must hold the same rows on both, read through the Iceberg Java API
 * into DuckDB: this JVM starts no Spark (surefire runs every test class in one JVM, with one shared SparkSession).
 */
class StandaloneClusterTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(8);
    /** JVMs that live a few minutes on tiny data: the C1 compiler only, one GC thread (2 cores for a dozen JVMs). */
    private static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    private static final List<Launched> cluster = new ArrayList<>();
    private static List<String> jvmOptions;
    private static List<String> classPath;
    private static int masterUiPort;
    private static String masterUrl;
    private static final List<Path> workDirs = new ArrayList<>();
    private static Path batch;
    private static Launched localJob;

    /** A JVM this test started, with the file its output goes to. */
    private record Launched(String name, Process process, Path log) {

        String tail() {
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
                return "\n----- " + name + " (" + log + ", last lines) -----\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return "\n----- " + name + ": " + e;
            }
        }
    }

    @BeforeAll
    static void startTheLocalRunAndTheCluster() throws Exception {
        jvmOptions = jvmOptions();
        classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).toList();
        // The local-mode run needs no cluster: it starts first.
        batch = IndicatorsFixture.write(dir.resolve("batch"));
        localJob = job("local", dir.resolve("home-local"), Map.of("spark.master", "local[2]"));
        Path sparkHome = sparkHome();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("JAVA_HOME", System.getProperty("java.home"));

        masterUiPort = freePort();
        cluster.add(launch("master", env, List.of("-Xmx256m"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", "0", "--webui-port", String.valueOf(masterUiPort)));
        JsonNode state = awaitMaster(s -> s.path("url").asText().startsWith("spark://"));
        masterUrl = state.path("url").asText();
        for (int i = 1; i <= 2; i++) {
            Path workDir = Files.createDirectories(dir.resolve("worker-" + i));
            workDirs.add(workDir);
            cluster.add(launch("worker-" + i, env, List.of("-Xmx256m"), "org.apache.spark.deploy.worker.Worker", masterUrl,
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                    "--work-dir", workDir.toString()));
        }
        awaitMaster(s -> s.path("aliveworkers").asInt() == 2);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException, IOException {
        if (localJob != null && localJob.process().isAlive()) {
            localJob.process().destroyForcibly();
        }
        for (Launched l : cluster) {
            l.process().descendants().forEach(ProcessHandle::destroy);
            l.process().destroy();
        }
        for (Launched l : cluster) {
            if (!l.process().waitFor(15, TimeUnit.SECONDS)) {
                l.process().descendants().forEach(ProcessHandle::destroyForcibly);
                l.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        // The links to the jars go now, so that removing the temporary folder has only files of its own to delete.
        Path jars = dir.resolve("spark-home").resolve("jars");
        if (Files.isDirectory(jars)) {
            try (Stream<Path> links = Files.list(jars)) {
                for (Path link : links.toList()) {
                    Files.deleteIfExists(link);
                }
            }
        }
    }

    @Test
    void theMartsComputedOnTheClusterAreThoseOfLocalMode() throws Exception {
        Path localHome = dir.resolve("home-local");
        Path clusterHome = dir.resolve("home-cluster");
        // Both jobs at once: the cluster's executors use the workers' cores, the local one its own JVM.
        Launched onCluster = job("cluster", clusterHome, Map.of(
                "spark.master", masterUrl,
                "spark.app-name", "cdht-standalone-cluster-test",
                "spark.conf.spark.executor.memory", "512m",
                "spark.conf.spark.cores.max", "2",
                "spark.conf.spark.executor.extraJavaOptions", String.join(" ", jvmOptions) + " " + String.join(" ", SHORT_LIVED),
                // The executors' class path: this JVM's, in its order (it holds both iceberg-core and the Iceberg
                // classes of iceberg-spark-runtime: the first wins, on the driver and on the executors alike), before
                // SPARK_HOME/jars/* (the same jars, in no particular order).
                "spark.conf.spark.executor.extraClassPath", String.join(File.pathSeparator, classPath)));
        awaitSuccess(localJob);
        awaitSuccess(onCluster);

        assertTrue(Files.readString(onCluster.log(), StandardCharsets.UTF_8).contains("Spark started on " + masterUrl), onCluster.tail());
        for (Path workDir : workDirs) {
            try (Stream<Path> apps = Files.list(workDir)) {
                assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")),
                        "every worker ran an executor of the job, under " + workDir + logs());
            }
        }
        JsonNode master = masterState();
        assertTrue(master.path("completedapps").findValuesAsText("name").contains("cdht-standalone-cluster-test"), master.toString());

        for (String mart : IndicatorsJob.marts()) {
            List<String> expected = rows(localHome, "mart." + mart);
            List<String> actual = rows(clusterHome, "mart." + mart);
            assertTrue(expected.size() > 1, "mart." + mart + " has rows in local mode: " + expected);
            if (!expected.equals(actual)) {
                fail("mart." + mart + " differs (" + (expected.size() - 1) + " rows locally, " + (actual.size() - 1)
                        + " on the cluster); columns " + expected.get(0) + " / " + actual.get(0) + "; only locally: "
                        + except(expected, actual) + "; only on the cluster: " + except(actual, expected));
            }
        }
    }

    /**
     * A table of the warehouse under {@code home}, at its current snapshot, read through the Iceberg Java API into DuckDB
     * (as the bulletins read it): its column names, then every row, all columns, as text, sorted.
     */
    private static List<String> rows(Path home, String table) throws Exception {
        Catalog catalog = IcebergCatalogs.open(CatalogSettings.from(CdhtConfig.of(home, Map.of())));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            new SnapshotLoader(catalog, duck).load(table, null, null);
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i) + " " + meta.getColumnTypeName(i));
                }
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        values.add(rs.getString(i));
                    }
                    rows.add(String.join(" | ", values));
                }
                rows.sort(null);
                rows.add(0, String.join(", ", columns));
                return rows;
            }
        } finally {
            if (catalog instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    /** Starts {@link ClusterJob} in a JVM of its own, configured by a file with these settings. */
    private static Launched job(String name, Path home, Map<String, String> settings) throws IOException {
        Properties config = new Properties();
        config.putAll(settings);
        config.put("spark.shuffle-partitions", "2");
        Path file = dir.resolve("cdht-" + name + ".properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            config.store(w, "StandaloneClusterTest, " + name);
        }
        return launch("job-" + name, Map.of("SPARK_LOCAL_IP", "127.0.0.1"), List.of("-Xmx1g"), ClusterJob.class.getName(),
                file.toString(), home.toString(), batch.toString());
    }

    private static List<String> except(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        b.forEach(rest::remove);
        return rest.subList(0, Math.min(rest.size(), 10));
    }

    private static void awaitSuccess(Launched job) throws InterruptedException {
        if (!job.process().waitFor(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            job.process().descendants().forEach(ProcessHandle::destroyForcibly);
            job.process().destroyForcibly();
            fail(job.name() + " did not finish within " + JOB_TIMEOUT + job.tail() + logs());
        }
        assertEquals(0, job.process().exitValue(), job.name() + " failed" + job.tail() + logs());
        try (Stream<String> lines = Files.lines(job.log(), StandardCharsets.UTF_8)) {
            lines.filter(l -> l.startsWith("[ClusterJob")).map(l -> job.name() + " " + l.substring(0, Math.min(l.length(), 160)))
                    .forEach(System.out::println);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Launched launch(String name, Map<String, String> env, List<String> heap, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(heap);
        command.addAll(SHORT_LIVED);
        command.addAll(jvmOptions);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("CDHT_"));
        builder.environment().putAll(env);
        return new Launched(name, builder.start(), log);
    }

    /** Waits until the master's JSON state satisfies {@code ready}; fails with every log if it does not in time. */
    private static JsonNode awaitMaster(Predicate<JsonNode> ready) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            for (Launched l : cluster) {
                if (!l.process().isAlive()) {
                    fail(l.name() + " exited with " + l.process().exitValue() + logs());
                }
            }
            try {
                last = masterState();
                if (ready.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return fail("the standalone cluster was not ready within " + START_TIMEOUT + "; master state: " + last + logs());
    }

    private static JsonNode masterState() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String logs() {
        return cluster.stream().map(Launched::tail).collect(Collectors.joining());
    }

    /**
     * A Spark home for the workers: they launch executors with the class path of {@code SPARK_HOME/jars} (and the
     * application's {@code spark.executor.extraClassPath}), so it links every jar of this JVM's class path.
     */
    private static Path sparkHome() throws IOException {
        Path jars = Files.createDirectories(dir.resolve("spark-home").resolve("jars"));
        int i = 0;
        for (String entry : classPath) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                Files.createSymbolicLink(jars.resolve(String.format("%03d-%s", i++, path.getFileName())), path.toAbsolutePath());
            }
        }
        return jars.getParent();
    }

    /** The JVM options every cdht JVM needs (conf/jvm.options), found from the module's folder upwards. */
    private static List<String> jvmOptions() throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path file = d.resolve("conf").resolve("jvm.options");
            if (Files.isRegularFile(file)) {
                return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            }
        }
        throw new UncheckedIOException(new IOException("conf/jvm.options not found above " + Path.of("").toAbsolutePath()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
