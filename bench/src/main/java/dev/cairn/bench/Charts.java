package dev.cairn.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PNG charts of RESULTS.md, drawn with JFreeChart from the medians of the run. Each tool has
 * one colour in every chart ({@link #colour}); the log axis of N has ticks at 1, 2 and 5 of each decade.
 */
final class Charts {

    /** Every tool's colour, the same in every chart; the data migration's two tools share Cairn's and the floor's hues. */
    private static final Map<String, Color> COLOURS = Map.of(
            Tool.CAIRN_JAVA.label, new Color(0x1b9e77), Tool.CAIRN_SQL.label, new Color(0x66a61e),
            Tool.FLYWAY.label, new Color(0xd95f02), Tool.LIQUIBASE.label, new Color(0x7570b3),
            Tool.FLOOR.label, new Color(0x666666),
            DataScenario.CAIRN, new Color(0x1b9e77), DataScenario.JDBC, new Color(0x666666));
    private static final String SERIES_DATABASE = ", ";
    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

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
        String file = scenario + "-" + database.toLowerCase(Locale.ROOT) + ".png";
        save(new XYPlot(data, new OneTwoFiveLogAxis("migrations (N)"), new NumberAxis("median time (ms)"), renderer(data)), title, file);
        return file;
    }

    /** Median rows per second against workers, per tool and database. */
    String rowsAgainstWorkers(List<String> databases, List<Integer> workers, List<String> tools) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String database : databases) {
            for (String tool : tools) {
                XYSeries series = new XYSeries(tool + SERIES_DATABASE + database);
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
        save(new XYPlot(data, x, new NumberAxis("median rows per second"), renderer(data)),
                "Data migration of the legacy robots: rows per second against workers", file);
        return file;
    }

    /**
     * The tool's colour, whichever chart and whichever tools it shows; a series "tool, database"
     * takes its tool's, lighter for SQLite (see {@link #dashed}).
     */
    static Color colour(String series) {
        int database = series.indexOf(SERIES_DATABASE);
        Color colour = COLOURS.get(database < 0 ? series : series.substring(0, database));
        if (colour == null) {
            throw new IllegalArgumentException("no colour for " + series + ": add it to Charts.COLOURS");
        }
        return dashed(series) ? lighter(colour) : colour;
    }

    /** Halfway to white. */
    private static Color lighter(Color colour) {
        return new Color((colour.getRed() + 255) / 2, (colour.getGreen() + 255) / 2, (colour.getBlue() + 255) / 2);
    }

    private static XYLineAndShapeRenderer renderer(XYSeriesCollection data) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String series = data.getSeriesKey(i).toString();
            renderer.setSeriesPaint(i, colour(series));
            renderer.setSeriesStroke(i, dashed(series) ? DASHED : SOLID);
        }
        return renderer;
    }

    /**
     * A series "tool, SQLite" of a chart that shows both databases is dashed, its tool's colour
     * lighter, so that the legend (which names the database) and the lines tell the databases apart.
     */
    static boolean dashed(String series) {
        return series.endsWith(SERIES_DATABASE + "SQLite");
    }

    /** The values 1, 2 and 5 times a power of ten from {@code lower} to {@code upper}: readable ticks on a log axis. */
    static List<Double> oneTwoFive(double lower, double upper) {
        List<Double> ticks = new ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(lower))); decade <= upper; decade *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                double tick = step * decade;
                if (tick >= lower * (1 - 1e-9) && tick <= upper * (1 + 1e-9)) {
                    ticks.add((double) Math.round(tick));
                }
            }
        }
        return ticks;
    }

    /** A base-10 log axis with ticks at {@link #oneTwoFive} and labels such as {@code 1,000}. */
    private static final class OneTwoFiveLogAxis extends LogAxis {

        private static final long serialVersionUID = 1L;

        OneTwoFiveLogAxis(String label) {
            super(label);
            setBase(10);
        }

        @Override
        protected List<ValueTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
            List<ValueTick> ticks = new ArrayList<>();
            for (double tick : oneTwoFive(getLowerBound(), getUpperBound())) {
                ticks.add(new NumberTick(tick, format.format(tick), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }
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
