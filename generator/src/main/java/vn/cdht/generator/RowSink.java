package vn.cdht.generator;

import java.io.IOException;

/** Where generated rows go, entity by entity, as they are made. */
public interface RowSink extends AutoCloseable {

    void unit(UnitRow row, Unit unit) throws IOException;

    void account(AccountRow row, Unit unit) throws IOException;

    void assessment(AssessmentRow row) throws IOException;

    void recognition(RecognitionRow row) throws IOException;

    void population(PopulationRow row) throws IOException;

    @Override
    void close() throws IOException;
}
