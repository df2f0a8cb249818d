package vn.cdht.bench;

import java.util.List;
import java.util.Locale;

/** The nightly batches' seconds as a small SVG line chart: night on x, seconds on y, the first night's +20% dashed. */
final class NightlyChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 40;

    private NightlyChart() {
    }

    static String svg(String title, List<Double> seconds) {
        double max = Math.max(seconds.stream().mapToDouble(Double::doubleValue).max().orElse(1), seconds.get(0) * 1.2) * 1.1;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        int n = seconds.size();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", LEFT, escape(title)));
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f s</text>%n", LEFT - 6, y + 4, v));
        }
        double limit = TOP + plotH - plotH * seconds.get(0) * 1.2 / max;
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c00\""
                + " stroke-dasharray=\"6 4\"/>%n", LEFT, limit, WIDTH - RIGHT, limit));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"#c00\" text-anchor=\"end\">1,2 × đêm 1</text>%n",
                WIDTH - RIGHT, limit - 4));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
            double y = TOP + plotH - plotH * seconds.get(i) / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1f5fa8\"/>%n", x, y));
            if (i == 0 || i == n - 1 || (i + 1) % 10 == 0) {
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                        x, HEIGHT - BOTTOM + 16, i + 1));
            }
        }
        b.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"").append(points.toString().strip())
                .append("\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">đêm (night)</text>%n",
                LEFT + plotW / 2, HEIGHT - 8));
        b.append("</svg>\n");
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
