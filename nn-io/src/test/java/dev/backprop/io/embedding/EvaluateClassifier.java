package dev.backprop.io.embedding;
// doc:begin

import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.ConfusionMatrix;
import dev.backprop.core.evaluation.ConfusionMatrixReport;
import dev.backprop.core.network.Network;
import dev.backprop.io.data.MnistFolder;
import dev.backprop.io.model.ModelFiles;
import java.nio.file.Path;
import java.util.List;

/** Loads a trained classifier and reports on the test images: accuracy, per-class figures, confusion matrix. */
public final class EvaluateClassifier {

    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static void main(String[] args) {
        System.out.print(report(Path.of(args[0]), Path.of(args[1])));
    }

    /** The report of the model in {@code modelFile} on the test images of the MNIST folder {@code data}. */
    static String report(Path data, Path modelFile) {
        Network network = ModelFiles.load(modelFile);
        Dataset test = MnistFolder.loadTest(data);
        ConfusionMatrix matrix = ConfusionMatrix.of(network, test);
        System.out.printf("accuracy %.3f; precision, recall and F1 of class 0: %.3f %.3f %.3f%n",
                matrix.accuracy(), matrix.precision(0), matrix.recall(0), matrix.f1(0));
        return new ConfusionMatrixReport(FASHION_CLASSES).format(matrix);
    }
}
