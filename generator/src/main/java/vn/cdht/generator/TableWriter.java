package vn.cdht.generator;

import java.io.IOException;
import java.util.List;

/**
 * Writes one export file: a header, then rows of values as generated: String, Integer, Long, BigDecimal, LocalDate,
 * LocalDateTime or null (a Long is a number typed into a text column, as Excel does with a CCCD).
 */
interface TableWriter extends AutoCloseable {

    void header(List<String> headers) throws IOException;

    void row(Object[] values) throws IOException;

    @Override
    void close() throws IOException;
}
