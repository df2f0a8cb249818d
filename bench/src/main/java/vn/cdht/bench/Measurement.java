package vn.cdht.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One figure of the benchmark, measured once per repetition: reported as median and spread (min..max). */
record Measurement(String section, String name, String unit, List<Double> samples) {

    Measurement {
        samples = List.copyOf(samples);
    }

    static Measurement of(String section, String name, String unit, double... samples) {
        List<Double> list = new ArrayList<>();
        for (double s : samples) {
            list.add(s);
        }
        return new Measurement(section, name, unit, list);
    }

    double median() {
        return percentile(samples, 50);
    }

    double min() {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Nearest-rank percentile (the median of an even count is the mean of the middle two). */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (p == 50) {
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
