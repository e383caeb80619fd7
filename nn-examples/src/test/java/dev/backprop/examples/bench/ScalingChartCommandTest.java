package dev.backprop.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.examples.mnist.CliRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./backprop bench-chart}: tools/scaling/sweep.sh's table drawn as one PNG; a table of another shape refused. */
class ScalingChartCommandTest {

    @TempDir
    Path dir;

    @Test
    void drawsBothSweeps() throws Exception {
        Path tsv = Files.writeString(dir.resolve("sweep.tsv"), String.join("\n",
                "sweep\timplementation\twidth\tbatch\tthreads\tsec_per_epoch\tgflops",
                "width\tbackprop\t128\t256\t1\t0.1\t12.5",
                "width\tnumpy\t128\t256\t1\t0.03\t46.8",
                "width\tbackprop\t256\t256\t1\t0.16\t19.8",
                "batch\tbackprop\t1024\t64\t2\t0.22\t99.6",
                "batch\tnumpy\t1024\t64\t2\t0.33\t68.4",
                ""));
        Path png = dir.resolve("scaling.png");
        CliRun run = CliRun.of("bench-chart", "--tsv", tsv.toString(), "--png", png.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("chart: " + png + " (5 measurements)", run.out().strip());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(440, image.getHeight());
        assertEquals(5, ScalingChartCommand.read(tsv).size());
    }

    @Test
    void anotherTable_isOneLineAndNoFile() throws Exception {
        Path tsv = Files.writeString(dir.resolve("bench.tsv"), "config\tthreads\tsec_per_epoch\nC3\t2\t4.0\n");
        Path png = dir.resolve("never.png");
        CliRun run = CliRun.of("bench-chart", "--tsv", tsv.toString(), "--png", png.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().startsWith("error: " + tsv + " is not a sweep table"), run.err());
        assertFalse(Files.exists(png));
        Path broken = Files.writeString(dir.resolve("broken.tsv"),
                "sweep\timplementation\twidth\tbatch\tthreads\tsec_per_epoch\tgflops\nwidth\tbackprop\twide\n");
        CliRun second = CliRun.of("bench-chart", "--tsv", broken.toString(), "--png", png.toString());
        assertEquals(2, second.status(), second.toString());
        assertTrue(second.err().contains("is not a measurement"), second.err());
    }
}
