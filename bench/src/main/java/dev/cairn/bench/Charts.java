package dev.cairn.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The PNG charts of RESULTS.md, drawn with JFreeChart from the medians of the run. */
final class Charts {

    private static final Color[] COLORS = {new Color(0x1b9e77), new Color(0x66a61e), new Color(0xd95f02),
        new Color(0x7570b3), new Color(0x666666)};

    private final Results results;
    private final Path directory;

    Charts(Results results, Path directory) throws IOException {
        this.results = results;
        this.directory = Files.createDirectories(directory);
    }

    /**
     * Median time against N (log axis) of each tool in one scenario on one database; returns the
     * file name, or null when the scenario has no samples there.
     */
    String timeAgainstN(String scenario, String database, List<Integer> sizes, List<String> tools, String title) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String tool : tools) {
            XYSeries series = new XYSeries(tool);
            for (int n : sizes) {
                results.summary(new Results.Key(scenario, database, n, tool), "ms").ifPresent(s -> series.add(n, s.median()));
            }
            if (!series.isEmpty()) {
                data.addSeries(series);
            }
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        LogAxis x = new LogAxis("migrations (N)");
        x.setBase(10);
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        String file = scenario + "-" + database.toLowerCase(Locale.ROOT) + ".png";
        save(new XYPlot(data, x, new NumberAxis("median time (ms)"), renderer(data.getSeriesCount())), title, file);
        return file;
    }

    /** Median rows per second against workers, per tool and database. */
    String rowsAgainstWorkers(List<String> databases, List<Integer> workers, List<String> tools) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String database : databases) {
            for (String tool : tools) {
                XYSeries series = new XYSeries(tool + ", " + database);
                for (int w : workers) {
                    results.summary(new Results.Key("data", database, w, tool), "rowsPerSecond").ifPresent(s -> series.add(w, s.median()));
                }
                if (!series.isEmpty()) {
                    data.addSeries(series);
                }
            }
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        NumberAxis x = new NumberAxis("workers");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        String file = "data-rows-per-second.png";
        save(new XYPlot(data, x, new NumberAxis("median rows per second"), renderer(data.getSeriesCount())),
                "Data migration of the legacy robots: rows per second against workers", file);
        return file;
    }

    private static XYLineAndShapeRenderer renderer(int series) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        return renderer;
    }

    private void save(XYPlot plot, String title, String file) throws IOException {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(directory.resolve(file).toFile(), chart, 900, 540);
    }
}
