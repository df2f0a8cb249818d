package vn.cdht.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Runs one {@code cdht} command in its own JVM, as {@code ./cdht} would (the options of {@code conf/jvm.options}, the
 * jars of {@code orchestration/target}), with a fixed maximum heap; measures its wall time and reads the peaks it
 * records on exit ({@code -Dcdht.peaks-file}).
 */
final class ChildJvm {

    record Outcome(int exitCode, double seconds, long heapPeakBytes, long rssPeakBytes, Path log) {
    }

    private final Path repository;
    private final String heap;
    private final Map<String, String> env;
    private final Consumer<String> progress;

    ChildJvm(Path repository, String heap, Map<String, String> env, Consumer<String> progress) {
        this.repository = repository;
        this.heap = heap;
        this.env = env;
        this.progress = progress;
    }

    Outcome run(Path log, String... args) {
        try {
            Path peaks = Files.createTempFile("cdht-peaks", ".properties");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String line : Files.readAllLines(repository.resolve("conf/jvm.options"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    command.add(line.strip());
                }
            }
            command.add("-Xmx" + heap);
            command.add("-Dfile.encoding=UTF-8");
            command.add("-Dcdht.peaks-file=" + peaks);
            command.add("-cp");
            Path target = repository.resolve("orchestration/target");
            command.add(target.resolve("cdht.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*");
            command.add("vn.cdht.cli.Cdht");
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            Files.createDirectories(log.getParent());
            long t0 = System.nanoTime();
            Process p = pb.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = out.readLine()) != null) {
                    w.write(String.format(java.util.Locale.ROOT, "%8.1f ", (System.nanoTime() - t0) / 1e9));
                    w.write(line);
                    w.newLine();
                    if (line.startsWith("…")) {
                        progress.accept("    " + line);
                    }
                }
            }
            int code = p.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Properties props = new Properties();
            try (var in = Files.newInputStream(peaks)) {
                props.load(in);
            }
            Files.deleteIfExists(peaks);
            if (code != 0) {
                throw new IllegalStateException("cdht " + String.join(" ", args) + " failed (exit " + code + "); see " + log);
            }
            return new Outcome(code, seconds, Long.parseLong(props.getProperty("heap_peak_bytes", "-1")),
                    Long.parseLong(props.getProperty("rss_peak_bytes", "-1")), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
