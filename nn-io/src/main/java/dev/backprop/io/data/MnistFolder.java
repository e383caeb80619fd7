package dev.backprop.io.data;

import dev.backprop.core.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a folder in the MNIST layout (MNIST, Fashion-MNIST, KMNIST, ...): the four IDX files
 * {@value #TRAIN_IMAGES}, {@value #TRAIN_LABELS}, {@value #TEST_IMAGES} and {@value #TEST_LABELS},
 * each plain or with a {@code .gz} suffix (a plain file wins when both exist).
 *
 * <pre>{@code
 * MnistData data = MnistFolder.load(Path.of("data/fashion-mnist"));
 * trainer.fit(network, data.train());
 * double accuracy = Evaluation.accuracy(network, data.test());
 * }</pre>
 *
 * Features are the pixels divided by 255 (784 per 28 × 28 image), targets are one-hot over
 * {@value #CLASSES} classes. Every failure is a {@link DatasetFormatException}: besides the checks of
 * {@link IdxFiles}, a missing folder or file (listing the four expected names), image and label files
 * with different counts, a label of 10 or more, and train and test images of different sizes.
 * Stateless and thread-safe.
 */
public final class MnistFolder {

    /** The number of classes of an MNIST-format data set. */
    public static final int CLASSES = 10;
    /** The training images' file name (without {@code .gz}). */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** The training labels' file name (without {@code .gz}). */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** The test images' file name (without {@code .gz}). */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** The test labels' file name (without {@code .gz}). */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private static final Logger LOG = LoggerFactory.getLogger(MnistFolder.class);
    private static final String GZIP_SUFFIX = ".gz";
    private static final List<String> FILE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private MnistFolder() {
    }

    /**
     * Loads every training and test example of {@code folder}.
     *
     * @throws DatasetFormatException if the folder or a file is missing or a file is invalid
     */
    public static MnistData load(Path folder) {
        return load(folder, Integer.MAX_VALUE);
    }

    /**
     * Loads the first {@code min(trainLimit, count)} training examples and every test example of
     * {@code folder}; a small limit makes quick runs. Every file is still read and checked whole.
     *
     * @param trainLimit the most training examples to keep, at least 1
     * @throws DatasetFormatException if the folder or a file is missing or a file is invalid
     */
    public static MnistData load(Path folder, int trainLimit) {
        IdxDatasets.requireLimit(trainLimit, Integer.MAX_VALUE);
        Path directory = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        List<Path> files = locate(directory);
        long start = System.nanoTime();
        IdxImages trainImages = IdxFiles.readImages(files.get(0));
        IdxLabels trainLabels = IdxFiles.readLabels(files.get(1));
        IdxImages testImages = IdxFiles.readImages(files.get(2));
        IdxLabels testLabels = IdxFiles.readLabels(files.get(3));
        if (trainImages.rows() != testImages.rows() || trainImages.columns() != testImages.columns()) {
            throw new DatasetFormatException("The images in folder " + directory + " differ in size: "
                    + trainImages.file().getFileName() + " has " + trainImages.rows() + " × " + trainImages.columns()
                    + " pixels but " + testImages.file().getFileName() + " has " + testImages.rows() + " × "
                    + testImages.columns() + ": expected one size for training and test images. Check that all four"
                    + " files come from the same data set.");
        }
        Dataset train = IdxDatasets.of(trainImages, trainLabels, CLASSES, trainLimit);
        Dataset test = IdxDatasets.of(testImages, testLabels, CLASSES);
        LOG.debug("Loaded {} training and {} test examples of {} features from {} in {} ms", train.size(),
                test.size(), train.featureWidth(), directory, (System.nanoTime() - start) / 1_000_000);
        return new MnistData(train, test);
    }

    /**
     * Loads only the test examples of {@code folder} (its two test files, plain or gzipped; the training
     * files need not be there), for evaluating and predicting with a trained model.
     *
     * @throws DatasetFormatException if the folder or a test file is missing or invalid
     */
    public static Dataset loadTest(Path folder) {
        Path directory = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        List<Path> files = locate(directory, List.of(TEST_IMAGES, TEST_LABELS));
        return IdxDatasets.of(IdxFiles.readImages(files.get(0)), IdxFiles.readLabels(files.get(1)), CLASSES);
    }

    /** The four files in {@link #FILE_NAMES}' order, each plain or gzipped. */
    private static List<Path> locate(Path directory) {
        return locate(directory, FILE_NAMES);
    }

    /** The files {@code names}, in that order, each plain or gzipped. */
    private static List<Path> locate(Path directory, List<String> names) {
        if (!Files.exists(directory)) {
            throw new DatasetFormatException("Data folder " + directory + " does not exist: expected a folder holding"
                    + " the MNIST-format files " + expectedNames(names) + ". Check the path (relative paths start at "
                    + Path.of("").toAbsolutePath() + "), or download the files into that folder.");
        }
        if (!Files.isDirectory(directory)) {
            throw new DatasetFormatException("Data folder " + directory + " is a file, but a folder was expected,"
                    + " holding the MNIST-format files " + expectedNames(names) + ". Give the folder that contains"
                    + " them.");
        }
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            Path plain = directory.resolve(name);
            Path gzipped = directory.resolve(name + GZIP_SUFFIX);
            if (Files.isRegularFile(plain)) {
                found.add(plain);
            } else if (Files.isRegularFile(gzipped)) {
                found.add(gzipped);
            } else {
                missing.add(name + "[" + GZIP_SUFFIX + "]");
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetFormatException("Data folder " + directory + " lacks " + String.join(", ", missing)
                    + ": expected the MNIST-format files " + expectedNames(names) + " there (each may be gzipped)."
                    + " Download the missing files into the folder, or give the folder that holds them all.");
        }
        return found;
    }

    private static String expectedNames(List<String> names) {
        return String.join(", ", names.stream().map(name -> name + "[" + GZIP_SUFFIX + "]").toList());
    }
}
