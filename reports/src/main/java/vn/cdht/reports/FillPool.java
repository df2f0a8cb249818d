package vn.cdht.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;

/**
 * Fills report templates on several threads at once, each with its own connection to the same in-memory DuckDB
 * database: a DuckDB connection must not be used by two threads, but duplicates of it see the same tables.
 */
final class FillPool implements AutoCloseable {

    /** A piece of work that reads through a connection of its own. */
    interface Task<T> {
        T run(Connection connection) throws Exception;
    }

    private final ExecutorService executor;
    private final BlockingQueue<Connection> connections;
    private final List<Connection> opened = new ArrayList<>();

    FillPool(Connection database, int threads) {
        this.connections = new ArrayBlockingQueue<>(threads);
        try {
            for (int i = 0; i < threads; i++) {
                Connection c = database.unwrap(DuckDBConnection.class).duplicate();
                opened.add(c);
                connections.add(c);
            }
        } catch (SQLException e) {
            closeConnections();
            throw new ReportException("cannot open a second connection to the report data: " + e.getMessage(), e);
        }
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cdht-report-fill");
            t.setDaemon(true);
            return t;
        });
    }

    <T> Future<T> submit(Task<T> task) {
        return executor.submit(() -> {
            Connection c = connections.take();
            try {
                return task.run(c);
            } finally {
                connections.add(c);
            }
        });
    }

    /** The task's result, or its failure as it was thrown. */
    static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new ReportException(cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnections();
    }

    private void closeConnections() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // a duplicate of an in-memory database: nothing is lost
            }
        }
    }
}
