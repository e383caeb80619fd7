package dev.backprop.examples.console;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.train.EpochReport;
import dev.backprop.io.files.AtomicFileWriter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a training run's curves as PNG files with JFreeChart: {@code <prefix>-loss.png} (training
 * and validation loss per epoch) and, for classification, {@code <prefix>-accuracy.png} (training and
 * validation accuracy per epoch). A validation series appears only when some epoch has validation
 * figures; epochs whose figure was not measured (NaN) are left out of its series. Each image is
 * encoded in memory (never through ImageIO's disk cache, whose temporary files and shutdown hook could
 * fail on their own when the disk is full), then written atomically (a temporary file beside it, then a
 * move), so a failed write is one {@link IOException} and leaves any previous file as it was. Runs
 * headless: it sets {@code java.awt.headless=true} unless the property is already set.
 */
public final class TrainingCharts {

    /** The default image size in pixels. */
    public static final int DEFAULT_WIDTH = 800;
    /** The default image size in pixels. */
    public static final int DEFAULT_HEIGHT = 500;

    private final ProblemKind kind;
    private final int width;
    private final int height;

    /** Charts of {@link #DEFAULT_WIDTH} × {@link #DEFAULT_HEIGHT} pixels. */
    public TrainingCharts(ProblemKind kind) {
        this(kind, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * @param kind   classification draws the accuracy chart too; regression only the loss chart
     * @param width  the image width in pixels, at least 100
     * @param height the image height in pixels, at least 100
     */
    public TrainingCharts(ProblemKind kind, int width, int height) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (width < 100 || height < 100) {
            throw new InvalidConfigurationException("A chart needs at least 100 × 100 pixels to be readable, but "
                    + width + " × " + height + " was asked: give a larger size.");
        }
        this.width = width;
        this.height = height;
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Writes the charts of {@code epochs} next to {@code prefix}: {@code prefix = runs/sine} gives
     * {@code runs/sine-loss.png} (and {@code runs/sine-accuracy.png} for classification).
     *
     * @return the files written, the loss chart first
     * @throws InvalidConfigurationException if {@code epochs} is empty
     * @throws java.nio.file.NoSuchFileException if the prefix's folder does not exist
     * @throws IOException                   if a file cannot be written (any previous file is unchanged)
     */
    public List<Path> write(List<EpochReport> epochs, Path prefix) throws IOException {
        return write(epochs, prefix, (file, png) -> AtomicFileWriter.write(file, out -> out.write(png)));
    }

    /** Puts a file's bytes on disk. */
    @FunctionalInterface
    interface FileSink {
        void write(Path file, byte[] bytes) throws IOException;
    }

    /** As {@link #write(List, Path)}, the files put on disk by {@code sink} (a test seam for failing disks). */
    List<Path> write(List<EpochReport> epochs, Path prefix, FileSink sink) throws IOException {
        if (epochs.isEmpty()) {
            throw new InvalidConfigurationException("There are no epochs to chart: expected the reports of at least"
                    + " one finished epoch, found none. Train first, then write the charts.");
        }
        List<Path> written = new ArrayList<>();
        written.add(writePng(lossChart(epochs), sibling(prefix, "-loss.png"), sink));
        if (kind.hasAccuracy()) {
            written.add(writePng(accuracyChart(epochs), sibling(prefix, "-accuracy.png"), sink));
        }
        return List.copyOf(written);
    }

    /** Training and validation loss per epoch. */
    JFreeChart lossChart(List<EpochReport> epochs) {
        return chart("Loss per epoch", "loss", epochs, EpochReport::loss, EpochReport::validationLoss);
    }

    /** Training and validation accuracy per epoch. */
    JFreeChart accuracyChart(List<EpochReport> epochs) {
        return chart("Accuracy per epoch", "accuracy", epochs, EpochReport::accuracy, EpochReport::validationAccuracy);
    }

    private static JFreeChart chart(String title, String figure, List<EpochReport> epochs,
                                    ToDoubleFunction<EpochReport> training, ToDoubleFunction<EpochReport> validation) {
        XYSeriesCollection series = new XYSeriesCollection();
        series.addSeries(series("training", epochs, training));
        if (epochs.stream().anyMatch(EpochReport::hasValidation)) {
            series.addSeries(series("validation", epochs, validation));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", figure, series, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setNoDataMessage("no " + figure + " figures were recorded");
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    private static XYSeries series(String name, List<EpochReport> epochs, ToDoubleFunction<EpochReport> figure) {
        XYSeries series = new XYSeries(name);
        for (EpochReport report : epochs) {
            double value = figure.applyAsDouble(report);
            if (Double.isFinite(value)) {
                series.add(report.epoch(), value);
            }
        }
        return series;
    }

    private Path writePng(JFreeChart chart, Path file, FileSink sink) throws IOException {
        sink.write(file, png(chart.createBufferedImage(width, height)));
        return file;
    }

    /** The image as PNG bytes, encoded in memory. */
    static byte[] png(BufferedImage image) {
        return PngBytes.of(image, "a chart");
    }

    private static Path sibling(Path prefix, String suffix) {
        Path name = prefix.getFileName();
        if (name == null) {
            throw new InvalidConfigurationException("The chart prefix " + prefix + " has no file name: expected a path"
                    + " such as runs/sine, which gives runs/sine-loss.png.");
        }
        return prefix.resolveSibling(name + suffix);
    }
}
