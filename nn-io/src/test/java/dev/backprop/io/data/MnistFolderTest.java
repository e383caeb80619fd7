package dev.backprop.io.data;

import static dev.backprop.io.data.IdxFilesBadFileTest.assertFailure;
import static dev.backprop.io.data.IdxTestFiles.images;
import static dev.backprop.io.data.IdxTestFiles.labels;
import static dev.backprop.io.data.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFolderTest {

    @TempDir
    Path dir;

    @Test
    void load_readsGzippedAndPlainFilesIntoTrainAndTestSets() {
        MnistData data = MnistFolder.load(IdxTestFiles.mnistFolder(dir, 12, 5));

        assertEquals(12, data.train().size());
        assertEquals(5, data.test().size());
        assertEquals(16, data.train().featureWidth());
        assertEquals(MnistFolder.CLASSES, data.train().targetWidth());
        assertEquals(IdxTestFiles.pixel(11, 15) / 255f, data.train().features(11)[15]);
        assertEquals(1f, data.test().targets(4)[IdxTestFiles.label(4, 10)]);
    }

    @Test
    void load_withTrainLimit_limitsTheTrainingSetOnly() {
        MnistData data = MnistFolder.load(IdxTestFiles.mnistFolder(dir, 12, 5), 7);

        assertEquals(7, data.train().size());
        assertEquals(5, data.test().size());
    }

    @Test
    void load_prefersThePlainFileWhenBothExist() {
        IdxTestFiles.mnistFolder(dir, 12, 5);
        write(dir.resolve("train-images-idx3-ubyte"), images(3, 4, 4));
        write(dir.resolve("train-labels-idx1-ubyte"), labels(3, 10));

        assertEquals(3, MnistFolder.load(dir).train().size());
    }

    @Test
    void missingFiles_areListedWithAllFourExpectedNamesAndTheFolder() throws IOException {
        IdxTestFiles.mnistFolder(dir, 4, 4);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));

        assertFailure(() -> MnistFolder.load(dir), "Data folder " + dir.toAbsolutePath(),
                "lacks train-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]",
                "expected the MNIST-format files train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz],"
                        + " t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]",
                "Download the missing files");
    }

    @Test
    void missingFolder_saysItDoesNotExist() {
        Path folder = dir.resolve("no-such-folder");

        assertFailure(() -> MnistFolder.load(folder), folder.toString(), "does not exist",
                "train-images-idx3-ubyte[.gz]", "Check the path");
    }

    @Test
    void fileInsteadOfFolder_saysAFolderWasExpected() {
        Path file = write(dir.resolve("train-images-idx3-ubyte"), images(2, 2, 2));

        assertFailure(() -> MnistFolder.load(file), file.toString(), "is a file, but a folder was expected");
    }

    @Test
    void labelOfTenOrMore_isOutOfRangeForMnist() {
        IdxTestFiles.mnistFolder(dir, 4, 4);
        byte[] bytes = labels(4, 10);
        bytes[8 + 2] = 10;
        write(dir.resolve("t10k-labels-idx1-ubyte"), bytes);

        assertFailure(() -> MnistFolder.load(dir), "t10k-labels-idx1-ubyte", "has label 10 at index 2",
                "labels 0 to 9");
    }

    @Test
    void countsThatDisagree_nameBothFiles() {
        IdxTestFiles.mnistFolder(dir, 4, 4);
        write(dir.resolve("t10k-labels-idx1-ubyte"), labels(3, 10));

        assertFailure(() -> MnistFolder.load(dir), "t10k-images-idx3-ubyte holds 4 images",
                "t10k-labels-idx1-ubyte holds 3 labels");
    }

    @Test
    void trainAndTestImagesOfDifferentSizes_areRejected() {
        IdxTestFiles.mnistFolder(dir, 4, 4);
        write(dir.resolve("t10k-images-idx3-ubyte"), images(4, 5, 5));

        assertFailure(() -> MnistFolder.load(dir), "differ in size", "train-images-idx3-ubyte.gz has 4 × 4",
                "t10k-images-idx3-ubyte has 5 × 5");
    }

}
