package dev.backprop.examples.bench;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.examples.console.PngBytes;
import dev.backprop.io.files.AtomicFileWriter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./backprop bench-chart --tsv FILE --png FILE}: draws what {@code tools/scaling/sweep.sh} measured, GFLOP/s
 * against hidden width and against batch size, one line per implementation and thread count, as one PNG.
 */
@Command(name = "bench-chart", mixinStandardHelpOptions = true,
        description = "Draws tools/scaling/sweep.sh's TSV (columns sweep, implementation, width, batch, threads,"
                + " sec_per_epoch, gflops) as a PNG: GFLOP/s against hidden width and against batch size.")
public final class ScalingChartCommand implements Callable<Integer> {

    private static final String[] HEADER = {"sweep", "implementation", "width", "batch", "threads", "sec_per_epoch",
        "gflops"};
    private static final int PANEL_WIDTH = 640;
    private static final int PANEL_HEIGHT = 440;

    @Spec
    private CommandSpec spec;

    @Option(names = "--tsv", paramLabel = "FILE", required = true, description = "The sweep's measurements.")
    Path tsv;

    @Option(names = "--png", paramLabel = "FILE", required = true, description = "The chart to write (PNG).")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<Point> points = read(tsv);
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart(points, "width", "GFLOP/s against hidden width (784-W-W-10, batch 256)", "hidden width W")
                .draw(g, new Rectangle(0, 0, PANEL_WIDTH, PANEL_HEIGHT));
        chart(points, "batch", "GFLOP/s against batch size (784-1024-1024-10)", "batch size")
                .draw(g, new Rectangle(PANEL_WIDTH, 0, PANEL_WIDTH, PANEL_HEIGHT));
        g.dispose();
        byte[] png = PngBytes.of(image, "the scaling chart");
        AtomicFileWriter.write(out, stream -> stream.write(png));
        PrintWriter printer = spec.commandLine().getOut();
        printer.println("chart: " + out.toAbsolutePath().normalize() + " (" + points.size() + " measurements)");
        printer.flush();
        return 0;
    }

    /** One measured point. */
    record Point(String sweep, String implementation, int width, int batch, int threads, double gigaflops) {
    }

    static List<Point> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !String.join("\t", HEADER).equals(lines.get(0).strip())) {
            throw new InvalidConfigurationException(file + " is not a sweep table: expected the header '"
                    + String.join(" ", HEADER) + "' (tab-separated) in its first line, as tools/scaling/sweep.sh"
                    + " writes it.");
        }
        return lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> point(file, line)).toList();
    }

    private static Point point(Path file, String line) {
        String[] cells = line.split("\t", -1);
        try {
            return new Point(cells[0], cells[1], Integer.parseInt(cells[2]), Integer.parseInt(cells[3]),
                    Integer.parseInt(cells[4]), Double.parseDouble(cells[6]));
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException("Line '" + line + "' of " + file + " is not a measurement: expected"
                    + " 7 tab-separated cells (sweep, implementation, width, batch, threads, sec_per_epoch, gflops)."
                    + " Run the sweep again.");
        }
    }

    private static JFreeChart chart(List<Point> points, String sweep, String title, String axis) {
        Map<String, XYSeries> series = new TreeMap<>();
        for (Point point : points) {
            if (point.sweep().equals(sweep) && Double.isFinite(point.gigaflops())) {
                String name = String.format(Locale.ROOT, "%s, %d thread%s", point.implementation(), point.threads(),
                        point.threads() == 1 ? "" : "s");
                series.computeIfAbsent(name, XYSeries::new)
                        .add(sweep.equals("width") ? point.width() : point.batch(), point.gigaflops());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, axis, "GFLOP/s (6 × weights per example)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis log = new LogAxis(axis);
        log.setBase(2);
        log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        log.setNumberFormatOverride(new DecimalFormat("0"));
        plot.setDomainAxis(log);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String name = (String) data.getSeriesKey(i);
            renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    name.startsWith("numpy") ? new float[] {6f, 4f} : null, 0f));
        }
        plot.setRenderer(renderer);
        return chart;
    }
}
