package vn.cdht.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void medianSpreadAndPercentiles() {
        Measurement m = Measurement.of("full refresh", "stage ingest", "s", 3, 1, 2, 10);
        assertEquals(2.5, m.median());
        assertEquals(1, m.min());
        assertEquals(10, m.max());
        assertEquals(7, Measurement.of("x", "y", "s", 7).median());

        List<Double> hundred = new java.util.ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            hundred.add((double) i);
        }
        assertEquals(95, Measurement.percentile(hundred, 95));
        assertEquals(50.5, Measurement.percentile(hundred, 50));
        assertEquals(100, Measurement.percentile(hundred, 100));
    }
}
