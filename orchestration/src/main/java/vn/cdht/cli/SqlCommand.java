package vn.cdht.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.app.ErrorMessages;
import vn.cdht.warehouse.analyst.AnalystException;
import vn.cdht.warehouse.analyst.AnalystQuery;
import vn.cdht.warehouse.analyst.QueryResult;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Query the analyst database with SQL (read-only), or open an interactive prompt.",
                "Runs QUERY on the DuckDB file written by 'cdht publish' and prints an aligned table, or writes",
                "CSV (--csv FILE) or JSON (--json). Without QUERY: a prompt 'cdht> ' for statements ending with ';'",
                "(several lines allowed), with history; '.tables' lists tables and views, '.quit' or Ctrl-D exits.",
                "The connection is read-only and sealed: statements that write fail, and nothing outside the",
                "analyst database can be read or written (no COPY, ATTACH, INSTALL, LOAD, read_csv or glob of a file);",
                "--csv and --json are how a result leaves it."},
        footer = {"", "Examples:",
                "  cdht sql \"SELECT * FROM do_phu_xa LIMIT 20\"",
                "  cdht sql \"FROM mart.coverage WHERE level = 'province'\" --csv coverage.csv",
                "  cdht sql \"SELECT * FROM published_tables\" --json",
                "  cdht sql                                  # interactive prompt",
                "The tables, views and ten example questions: docs/analyst-guide.md."})
final class SqlCommand implements Callable<Integer> {

    static final String PROMPT = "cdht> ";
    static final String CONTINUATION = "  ...> ";

    @ParentCommand
    Cdht root;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The SQL to run; none: the interactive prompt.")
    String query;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the result as CSV to FILE (UTF-8, header row).")
    Path csv;

    @Option(names = "--json", description = "Print the result as a JSON array of objects.")
    boolean json;

    @Option(names = "--db", paramLabel = "FILE",
            description = "The DuckDB file (default: the configuration key analyst.database, <home>/analyst.duckdb).")
    Path db;

    /** Where the prompt reads from when it is not a terminal (tests give their own). */
    InputStream in = System.in;

    @Override
    public Integer call() throws IOException {
        try (CdhtContext ctx = root.context()) {
            Path database = db != null ? db : Path.of(ctx.config().require("analyst.database"));
            if (query != null) {
                write(AnalystQuery.run(database, query), ctx.out());
                return 0;
            }
            try (AnalystQuery session = AnalystQuery.open(database)) {
                new Prompt(session, ctx.out(), root.spec.commandLine().getErr()).run(lines(ctx));
            }
            return 0;
        }
    }

    private void write(QueryResult r, PrintWriter out) throws IOException {
        if (csv != null) {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                r.writeCsv(w);
            }
            out.println(r.rows().size() + " rows written to " + csv);
        } else if (json) {
            r.writeJson(out);
        } else {
            printTable(r, out);
        }
        out.flush();
    }

    static void printTable(QueryResult r, PrintWriter out) {
        if (r.columns().isEmpty()) {
            out.println("OK");
            return;
        }
        TextTable t = new TextTable(r.columns().toArray(String[]::new));
        for (var row : r.rows()) {
            t.row(row.toArray());
        }
        t.print(out);
        out.println("(" + r.rows().size() + (r.rows().size() == 1 ? " row)" : " rows)"));
    }

    /** JLine (editing, history in <home>/.cdht_sql_history) on a terminal; plain lines otherwise. */
    private LineSource lines(CdhtContext ctx) throws IOException {
        if (in == System.in && System.console() != null) {
            Terminal terminal = TerminalBuilder.builder().system(true).build();
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("cdht")
                    .variable(LineReader.HISTORY_FILE, ctx.config().home().resolve(".cdht_sql_history"))
                    .build();
            return prompt -> {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    return "";
                } catch (EndOfFileException e) {
                    return null;
                }
            };
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return prompt -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The next line typed, or NULL at the end of input. */
    interface LineSource {
        String read(String prompt);
    }

    /** Reads statements ending with ';' and answers each; an error is one line and the prompt goes on. */
    record Prompt(AnalystQuery session, PrintWriter out, PrintWriter err) {

        void run(LineSource lines) {
            StringBuilder statement = new StringBuilder();
            while (true) {
                String line = lines.read(statement.isEmpty() ? PROMPT : CONTINUATION);
                if (line == null) {
                    return;
                }
                String trimmed = line.strip();
                if (statement.isEmpty()) {
                    if (trimmed.equals(".quit") || trimmed.equals(".exit") || trimmed.equals("quit") || trimmed.equals("exit")) {
                        return;
                    }
                    if (trimmed.equals(".tables")) {
                        session.tables().forEach(out::println);
                        out.flush();
                        continue;
                    }
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                }
                statement.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    answer(statement.toString());
                    statement.setLength(0);
                }
            }
        }

        private void answer(String sql) {
            try {
                printTable(session.query(sql), out);
            } catch (AnalystException e) {
                err.println("error: " + ErrorMessages.oneLine(e));
                err.flush();
            }
            out.flush();
        }
    }
}
