package dev.backprop.io.data;

import static dev.backprop.io.data.IdxFilesBadFileTest.assertFailure;
import static dev.backprop.io.data.IdxTestFiles.images;
import static dev.backprop.io.data.IdxTestFiles.labels;
import static dev.backprop.io.data.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void of_givesScaledFeaturesAndOneHotTargets() {
        IdxImages images = IdxFiles.readImages(write(dir.resolve("images"), images(6, 2, 3)));
        IdxLabels labels = IdxFiles.readLabels(write(dir.resolve("labels"), labels(6, 4)));

        Dataset data = IdxDatasets.of(images, labels, 4);

        assertEquals(6, data.size());
        assertEquals(6, data.featureWidth());
        assertEquals(4, data.targetWidth());
        for (int example = 0; example < 6; example++) {
            float[] features = data.features(example);
            for (int p = 0; p < 6; p++) {
                assertEquals(IdxTestFiles.pixel(example, p) / 255f, features[p]);
            }
            float[] targets = data.targets(example);
            for (int k = 0; k < 4; k++) {
                assertEquals(k == IdxTestFiles.label(example, 4) ? 1f : 0f, targets[k]);
            }
        }
    }

    @Test
    void of_withLimit_keepsTheFirstExamples() {
        IdxImages images = IdxFiles.readImages(write(dir.resolve("images"), images(6, 2, 2)));
        IdxLabels labels = IdxFiles.readLabels(write(dir.resolve("labels"), labels(6, 10)));

        Dataset data = IdxDatasets.of(images, labels, 10, 4);

        assertEquals(4, data.size());
        assertEquals(IdxTestFiles.pixel(3, 2) / 255f, data.features(3)[2]);
        assertEquals(1f, data.targets(3)[IdxTestFiles.label(3, 10)]);
        assertEquals(6, IdxDatasets.of(images, labels, 10, 100).size());
    }

    @Test
    void of_withDifferentCounts_namesBothFilesAndCounts() {
        Path imageFile = write(dir.resolve("img"), images(5, 2, 2));
        Path labelFile = write(dir.resolve("lbl"), labels(4, 10));

        assertFailure(() -> IdxDatasets.of(IdxFiles.readImages(imageFile), IdxFiles.readLabels(labelFile), 10),
                imageFile.toString(), "holds 5 images", labelFile.toString(), "holds 4 labels",
                "expected one label per image", "belong together");
    }

    @Test
    void of_withLabelOutOfRange_namesTheLabelItsIndexAndTheRange() {
        byte[] bytes = labels(5, 10);
        bytes[8 + 3] = 12;
        Path labelFile = write(dir.resolve("lbl"), bytes);
        IdxImages images = IdxFiles.readImages(write(dir.resolve("img"), images(5, 2, 2)));

        assertFailure(() -> IdxDatasets.of(images, IdxFiles.readLabels(labelFile), 10, 2), labelFile.toString(),
                "has label 12 at index 3", "10 classes allow labels 0 to 9", "this file implies 13");
    }

    @Test
    void of_withBadLimitOrClasses_isAConfigurationError() {
        IdxImages images = IdxFiles.readImages(write(dir.resolve("img"), images(2, 2, 2)));
        IdxLabels labels = IdxFiles.readLabels(write(dir.resolve("lbl"), labels(2, 10)));

        InvalidConfigurationException limit = assertThrows(InvalidConfigurationException.class,
                () -> IdxDatasets.of(images, labels, 10, 0));
        assertTrue(limit.getMessage().contains("limit must be at least 1 but was 0"), limit.getMessage());
        InvalidConfigurationException classes = assertThrows(InvalidConfigurationException.class,
                () -> IdxDatasets.of(images, labels, 0));
        assertTrue(classes.getMessage().contains("classes must be at least 1 but was 0"), classes.getMessage());
    }
}
