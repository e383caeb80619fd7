package dev.backprop.io.data;

import static dev.backprop.io.data.IdxTestFiles.gzip;
import static dev.backprop.io.data.IdxTestFiles.images;
import static dev.backprop.io.data.IdxTestFiles.labels;
import static dev.backprop.io.data.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {

    @TempDir
    Path dir;

    @Test
    void readImages_ofPlainFile_givesHeaderAndEveryPixel() {
        Path file = write(dir.resolve("images.idx"), images(5, 3, 2));

        IdxImages images = IdxFiles.readImages(file);

        assertEquals(5, images.count());
        assertEquals(3, images.rows());
        assertEquals(2, images.columns());
        assertEquals(6, images.pixelsPerImage());
        assertEquals(file.toAbsolutePath(), images.file());
        for (int image = 0; image < 5; image++) {
            for (int position = 0; position < 6; position++) {
                assertEquals(IdxTestFiles.pixel(image, position), images.pixel(image, position));
            }
        }
    }

    @Test
    void readImages_ofGzippedFileWithoutGzSuffix_isRecognisedByItsMagic() {
        Path file = write(dir.resolve("images-no-suffix"), gzip(images(4, 2, 2)));

        IdxImages images = IdxFiles.readImages(file);

        assertEquals(4, images.count());
        assertEquals(IdxTestFiles.pixel(3, 3), images.pixel(3, 3));
    }

    @Test
    void readImages_largerThanTheFirstBuffer_readsEveryByte() {
        int count = 6000;
        Path file = write(dir.resolve("big.gz"), gzip(images(count, 28, 28)));

        IdxImages images = IdxFiles.readImages(file);

        assertEquals(count, images.count());
        assertEquals(IdxTestFiles.pixel(count - 1, 783), images.pixel(count - 1, 783));
        assertEquals(IdxTestFiles.pixel(2700, 500), images.pixel(2700, 500));
    }

    @Test
    void features_scalePixelsBy255InOneRowMajorArray() {
        IdxImages images = IdxFiles.readImages(write(dir.resolve("images"), images(3, 2, 2)));

        float[] features = images.features(Integer.MAX_VALUE);

        assertEquals(12, features.length);
        for (int i = 0; i < features.length; i++) {
            assertEquals(IdxTestFiles.pixel(i / 4, i % 4) / 255f, features[i]);
        }
        assertEquals(8, images.features(2).length);
    }

    @Test
    void readLabels_ofPlainAndGzippedFiles_giveTheSameLabels() {
        IdxLabels plain = IdxFiles.readLabels(write(dir.resolve("labels"), labels(7, 10)));
        IdxLabels gzipped = IdxFiles.readLabels(write(dir.resolve("labels.gz"), gzip(labels(7, 10))));

        assertEquals(7, plain.count());
        assertEquals(7, gzipped.count());
        for (int i = 0; i < 7; i++) {
            assertEquals(IdxTestFiles.label(i, 10), plain.label(i));
            assertEquals(IdxTestFiles.label(i, 10), gzipped.label(i));
        }
        assertEquals(10, plain.classCount());
    }

    @Test
    void oneHot_setsOneOnePerRowAtTheLabel() {
        IdxLabels labels = IdxFiles.readLabels(write(dir.resolve("labels"), labels(4, 3)));

        float[] targets = labels.oneHot(3, 10);

        assertEquals(12, targets.length);
        for (int row = 0; row < 4; row++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(k == IdxTestFiles.label(row, 3) ? 1f : 0f, targets[row * 3 + k]);
            }
        }
        assertEquals(6, labels.oneHot(3, 2).length);
    }

    @Test
    void labelsAbove127_areReadAsUnsigned() {
        byte[] bytes = labels(2, 10);
        bytes[9] = (byte) 200;
        IdxLabels labels = IdxFiles.readLabels(write(dir.resolve("labels"), bytes));

        assertEquals(200, labels.label(1));
        assertEquals(201, labels.classCount());
    }
}
