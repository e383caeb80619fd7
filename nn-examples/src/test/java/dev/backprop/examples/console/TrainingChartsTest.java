package dev.backprop.examples.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.train.EpochReport;
import dev.backprop.io.files.AtomicFileWriter;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingChartsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path folder;

    @Test
    void classification_writesLossAndAccuracyPngsThatImageIoReads() throws IOException {
        List<Path> files = new TrainingCharts(ProblemKind.CLASSIFICATION, 640, 400)
                .write(epochs(12, true), folder.resolve("run"));

        assertEquals(List.of(folder.resolve("run-loss.png"), folder.resolve("run-accuracy.png")), files);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), file + " starts like a PNG");
            assertTrue(bytes.length > 5_000, file + " holds a drawn chart, not an empty image: " + bytes.length);
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " is readable");
            assertEquals(640, image.getWidth());
            assertEquals(400, image.getHeight());
        }
    }

    @Test
    void regression_writesOnlyTheLossChart() throws IOException {
        List<Path> files = new TrainingCharts(ProblemKind.REGRESSION).write(epochs(5, false), folder.resolve("sine"));

        assertEquals(List.of(folder.resolve("sine-loss.png")), files);
        BufferedImage image = ImageIO.read(files.get(0).toFile());
        assertEquals(TrainingCharts.DEFAULT_WIDTH, image.getWidth());
        assertEquals(TrainingCharts.DEFAULT_HEIGHT, image.getHeight());
        assertFalse(Files.exists(folder.resolve("sine-accuracy.png")));
    }

    @Test
    void validationSeries_appearsOnlyWhenTheEpochsHaveValidationFigures() {
        TrainingCharts charts = new TrainingCharts(ProblemKind.CLASSIFICATION);

        XYDataset withValidation = charts.lossChart(epochs(4, true)).getXYPlot().getDataset();
        assertEquals(2, withValidation.getSeriesCount());
        assertEquals("training", withValidation.getSeriesKey(0));
        assertEquals("validation", withValidation.getSeriesKey(1));
        assertEquals(4, withValidation.getItemCount(1));
        assertEquals(0.55, withValidation.getYValue(1, 0), 1e-12, "validation loss of epoch 1");

        XYDataset withoutValidation = charts.accuracyChart(epochs(4, false)).getXYPlot().getDataset();
        assertEquals(1, withoutValidation.getSeriesCount());
        assertEquals(4, withoutValidation.getItemCount(0));
        assertEquals(4, withoutValidation.getXValue(0, 3), "x is the epoch number");
    }

    @Test
    void unmeasuredFigures_areLeftOutOfTheirSeries() {
        List<EpochReport> epochs = List.of(new EpochReport(1, 2, 0.5, 10, 0.1, 0.01),
                new EpochReport(2, 2, 0.4, 10, 0.1, 0.01, 0.7, Double.NaN, Double.NaN));

        XYDataset accuracy = new TrainingCharts(ProblemKind.CLASSIFICATION).accuracyChart(epochs).getXYPlot()
                .getDataset();
        assertEquals(1, accuracy.getItemCount(0));
        assertEquals(2, accuracy.getXValue(0, 0));
    }

    @Test
    void existingChart_isReplacedAndNoTemporaryFileStays() throws IOException {
        Path old = Files.writeString(folder.resolve("run-loss.png"), "an old chart");

        new TrainingCharts(ProblemKind.REGRESSION).write(epochs(3, false), folder.resolve("run"));

        assertNotNull(ImageIO.read(old.toFile()), "replaced by a PNG");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(old), files.toList());
        }
    }

    @Test
    void diskThatFailsPartWay_isOneIOException_andThePreviousChartStays() throws IOException {
        Path previous = Files.write(folder.resolve("run-loss.png"), new byte[] {1, 2, 3});
        TrainingCharts.FileSink fullDisk = (file, png) -> AtomicFileWriter.write(file, out -> out.write(png),
                stream -> new FilterOutputStream(stream) {
                    private int written;

                    @Override
                    public void write(int b) throws IOException {
                        if (++written > 100) {
                            throw new IOException("No space left on device");
                        }
                        super.write(b);
                    }
                });

        IOException thrown = assertThrows(IOException.class, () -> new TrainingCharts(ProblemKind.CLASSIFICATION)
                .write(epochs(3, true), folder.resolve("run"), fullDisk));

        assertEquals("No space left on device", thrown.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(previous));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(previous), files.toList(), "no temporary file stays");
        }
    }

    @Test
    void write_doesNotNeedImageIosDiskCache() throws IOException {
        // ImageIO's file cache makes temporary files and closes them from a shutdown hook, which printed a
        // stack trace after a failed write on a full disk; the charts are encoded in memory instead.
        Path gone = Files.createDirectory(folder.resolve("imageio-cache"));
        boolean useCache = ImageIO.getUseCache();
        File cacheDirectory = ImageIO.getCacheDirectory();
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(gone.toFile());
        Files.delete(gone);
        try {
            List<Path> files = new TrainingCharts(ProblemKind.REGRESSION).write(epochs(3, false), folder.resolve("r"));

            assertNotNull(ImageIO.read(files.get(0).toFile()));
        } finally {
            ImageIO.setCacheDirectory(cacheDirectory);
            ImageIO.setUseCache(useCache);
        }
    }

    @Test
    void missingFolder_isAClearErrorThatNamesIt() {
        Path missing = folder.resolve("no-such-folder");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> new TrainingCharts(ProblemKind.CLASSIFICATION).write(epochs(3, true), missing.resolve("run")));

        assertTrue(e.getMessage().contains("the folder " + missing + " does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("Create the folder first"), e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void noEpochs_isRejectedBeforeAnyFileIsWritten() throws IOException {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new TrainingCharts(ProblemKind.CLASSIFICATION).write(List.of(), folder.resolve("run")));

        assertTrue(e.getMessage().contains("no epochs to chart"), e.getMessage());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void tinyImage_isRejected() {
        assertThrows(InvalidConfigurationException.class, () -> new TrainingCharts(ProblemKind.REGRESSION, 20, 400));
    }

    /** Epochs with falling loss and rising accuracy; validation slightly worse, or absent (NaN). */
    private static List<EpochReport> epochs(int count, boolean validation) {
        List<EpochReport> epochs = new ArrayList<>();
        for (int epoch = 1; epoch <= count; epoch++) {
            double loss = 1.0 / (epoch + 1);
            double accuracy = 1 - loss / 2;
            epochs.add(new EpochReport(epoch, count, loss, 100, 0.1, 0.01, accuracy,
                    validation ? loss + 0.05 : Double.NaN, validation ? accuracy - 0.02 : Double.NaN));
        }
        return epochs;
    }
}
