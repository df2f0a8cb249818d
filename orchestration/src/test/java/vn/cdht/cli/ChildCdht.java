package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** cdht in a child JVM, killed with SIGKILL (no shutdown hook, no cleanup) at a chosen moment. */
final class ChildCdht {

    private ChildCdht() {
    }

    /** Runs cdht and kills it as soon as it prints {@code marker}; returns what it printed. */
    static List<String> killDuring(Map<String, String> env, String marker, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(Path.of("..", "conf", "jvm.options"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                command.add(line.strip());
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.cdht.cli.Cdht"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Boolean> reached = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.contains(marker)) {
                        return true;
                    }
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        try {
            assertTrue(reached.get(15, TimeUnit.MINUTES), "cdht never printed '" + marker + "':\n" + String.join("\n", lines));
        } finally {
            process.destroyForcibly();
            process.waitFor(1, TimeUnit.MINUTES);
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
