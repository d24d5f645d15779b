package io.combot.tools.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The rounds as a CSV file and as a self-contained HTML page with two inline SVG line charts (no script). */
final class LoadReport {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int MARGIN = 50;

    private record Series(String name, String colour, ToDoubleFunction<RoundResult> value) {
    }

    private LoadReport() {
    }

    static void writeCsv(Path file, List<RoundResult> rounds) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(RoundResult.CSV_HEADER);
        rounds.forEach(round -> lines.add(round.csvRow()));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static void writeHtml(Path file, String title, List<RoundResult> rounds) throws IOException {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}</style></head><body>\n<h1>"
                + escape(title) + "</h1>\n"
                + chart("Latency per round (ms)", rounds, 1,
                        new Series("p50", "#1f77b4", RoundResult::p50Millis),
                        new Series("p95", "#ff7f0e", RoundResult::p95Millis),
                        new Series("p99", "#d62728", RoundResult::p99Millis))
                + chart("Server memory after each round (MB)", rounds, 1 << 20,
                        new Series("heap after GC", "#2ca02c", RoundResult::heapAfterGcBytes),
                        new Series("RSS", "#9467bd", RoundResult::residentSetBytes),
                        new Series("peak RSS", "#8c564b", RoundResult::peakResidentSetBytes))
                + table(rounds) + "</body></html>\n";
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static String chart(String title, List<RoundResult> rounds, double unit, Series... series) {
        double max = 0;
        for (Series line : series) {
            for (RoundResult round : rounds) {
                max = Math.max(max, line.value().applyAsDouble(round) / unit);
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<h2>%s</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">\n",
                escape(title), WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", MARGIN, MARGIN / 2, MARGIN,
                HEIGHT - MARGIN, MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN));
        for (int tick = 0; tick <= 4; tick++) {
            double value = max * tick / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">"
                    + "%.1f</text>\n", MARGIN - 4, y(value, max) + 4, value));
        }
        for (int i = 0; i < rounds.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">"
                    + "%d</text>\n", x(i, rounds.size()), HEIGHT - MARGIN + 16, rounds.get(i).round()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">"
                + "round</text>\n", WIDTH / 2, HEIGHT - 10));
        for (int s = 0; s < series.length; s++) {
            Series line = series[s];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < rounds.size(); i++) {
                double value = line.value().applyAsDouble(rounds.get(i)) / unit;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, rounds.size()), y(value, max)));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                        x(i, rounds.size()), y(value, max), line.colour()));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>\n", line.colour(), points.toString().trim()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>\n",
                    WIDTH - MARGIN + 4, MARGIN / 2 + 14 * (s + 1), line.colour(), escape(line.name())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int index, int count) {
        double span = WIDTH - 2.0 * MARGIN - 40;
        return MARGIN + 20 + (count <= 1 ? span / 2 : span * index / (count - 1));
    }

    private static double y(double value, double max) {
        return HEIGHT - MARGIN - (HEIGHT - 1.5 * MARGIN) * value / max;
    }

    private static String table(List<RoundResult> rounds) {
        StringBuilder table = new StringBuilder("<h2>Rounds</h2>\n<table><tr>");
        for (String column : RoundResult.CSV_HEADER.split(",")) {
            table.append("<th>").append(column).append("</th>");
        }
        table.append("</tr>\n");
        for (RoundResult round : rounds) {
            table.append("<tr>");
            for (String cell : round.csvRow().split(",")) {
                table.append("<td>").append(cell).append("</td>");
            }
            table.append("</tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
