package dev.backprop.examples.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.network.Network;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.examples.bench.IdxFolderWriter;
import dev.backprop.io.model.ModelFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./backprop mnist train, evaluate and predict on a small generated MNIST-format folder. */
class MnistCommandTest {

    private static final Pattern RESULT = Pattern.compile("result: example=(mnist) epochs=(\\d+) train_loss=([0-9.]+)"
            + " test_loss=[0-9.]+ accuracy=([0-9.]+) seconds=([0-9]+\\.[0-9]{2})");
    private static final Pattern TESTED = Pattern.compile(
            "result: example=(mnist-[a-z]+) epochs=(\\d+) test_loss=([0-9.]+) accuracy=([0-9.]+) seconds=([0-9]+\\.[0-9]{2})");

    @TempDir
    Path dir;

    private String[] train(Path data, Path model, String... more) {
        String[] base = {"mnist", "--data", data.toString(), "--model", model.toString(), "--hidden", "32",
            "--threads", "1", "--batch", "16"};
        String[] args = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return args;
    }

    @Test
    void train_learnsTheImages_savesModelAndCharts_andEndsWithTheResultLine() throws IOException {
        Path data = IdxFolderWriter.write(Files.createDirectory(dir.resolve("data")), 400, 100);
        Path model = dir.resolve("out/model.bpnn");

        CliRun run = CliRun.of(train(data, model, "--epochs", "15"));

        assertEquals(0, run.status(), run.toString());
        Matcher result = RESULT.matcher(run.lastLine());
        assertTrue(result.matches(), run.lastLine());
        assertEquals("mnist", result.group(1));
        assertEquals("15", result.group(2));
        assertTrue(Double.parseDouble(result.group(4)) >= 0.9, "test accuracy " + result.group(4));
        assertTrue(run.out().contains("360 training, 40 validation and 100 test images"), run.out());
        assertTrue(run.out().contains("epoch 15/15  loss="), run.out());
        assertTrue(run.out().contains("val_acc="), run.out());
        assertTrue(run.out().contains("confusion matrix"), run.out());
        assertTrue(run.out().contains("precision"), run.out());
        for (String chart : new String[] {"model-loss.png", "model-accuracy.png"}) {
            BufferedImage image = ImageIO.read(dir.resolve("out").resolve(chart).toFile());
            assertTrue(image.getWidth() > 100 && image.getHeight() > 100, chart);
        }
        assertEquals(15, ModelFiles.checkpoint(model).orElseThrow().completedEpochs());
    }

    @Test
    void validationZero_trainsOnEveryImage_withoutValidationFigures_andResumes() {
        Path data = IdxFolderWriter.write(dir, 100, 20);
        Path model = dir.resolve("all.bpnn");

        CliRun run = CliRun.of(train(data, model, "--epochs", "2", "--validation", "0", "--checkpoint-every", "1"));

        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("100 training, 0 validation and 20 test images"), run.out());
        assertTrue(run.out().contains("epoch 2/2  loss="), run.out());
        assertFalse(run.out().contains("val_"), "no validation figures: " + run.out());
        assertEquals("", run.err());
        assertEquals(2, ModelFiles.checkpoint(model).orElseThrow().completedEpochs());

        CliRun resumed = CliRun.of("mnist", "--data", data.toString(), "--model", model.toString(), "--epochs", "3",
                "--threads", "1", "--validation", "0", "--resume");
        assertEquals(0, resumed.status(), resumed.toString());
        assertTrue(resumed.out().contains("epoch 3/3  loss="), resumed.out());
    }

    @Test
    void twoRunsWithTheSameSeed_saveTheSameBytes_soAHashChecksThem() throws IOException {
        Path data = IdxFolderWriter.write(dir, 200, 50);
        Path first = dir.resolve("first.bpnn");
        Path second = dir.resolve("second.bpnn");
        assertEquals(0, CliRun.of(train(data, first, "--epochs", "3", "--seed", "11")).status());
        assertEquals(0, CliRun.of(train(data, second, "--epochs", "3", "--seed", "11")).status());

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second),
                "model files keep no timings: the same run gives the same file");
    }

    @Test
    void resume_fromAnEarlierCheckpoint_givesTheWeightsOfAnUninterruptedRun() {
        Path data = IdxFolderWriter.write(dir, 200, 50);
        Path whole = dir.resolve("whole.bpnn");
        Path parts = dir.resolve("parts.bpnn");
        assertEquals(0, CliRun.of(train(data, whole, "--epochs", "6", "--schedule", "constant")).status());
        assertEquals(0, CliRun.of(train(data, parts, "--epochs", "2", "--schedule", "constant")).status());

        CliRun resumed = CliRun.of("mnist", "--data", data.toString(), "--model", parts.toString(), "--epochs", "6",
                "--threads", "2", "--resume");

        assertEquals(0, resumed.status(), resumed.toString());
        assertTrue(resumed.out().contains("resuming " + parts + " after epoch 2 of 6"), resumed.out());
        assertTrue(resumed.out().contains("epoch 3/6"), resumed.out());
        assertTrue(!resumed.out().contains("epoch 2/6"), "epochs 1 and 2 are not trained again: " + resumed.out());
        Network expected = ModelFiles.load(whole);
        Network actual = ModelFiles.load(parts);
        for (int i = 0; i < expected.parameters().size(); i++) {
            assertArrayEquals(expected.parameters().get(i).values(), actual.parameters().get(i).values());
        }
        TrainingCheckpoint history = ModelFiles.checkpoint(parts).orElseThrow();
        assertEquals(6, history.history().size(), "the charts cover every epoch, before and after the resume");
    }

    @Test
    void evaluateAndPredict_useTheSavedModel() {
        Path data = IdxFolderWriter.write(dir, 300, 60);
        Path model = dir.resolve("model.bpnn");
        assertEquals(0, CliRun.of(train(data, model, "--epochs", "10")).status());

        CliRun evaluate = CliRun.of("mnist", "evaluate", "--model", model.toString(), "--data", data.toString());
        assertEquals(0, evaluate.status(), evaluate.toString());
        Matcher evaluated = TESTED.matcher(evaluate.lastLine());
        assertTrue(evaluated.matches(), evaluate.lastLine());
        assertEquals("mnist-evaluate", evaluated.group(1));
        assertEquals("10", evaluated.group(2));
        assertTrue(evaluate.out().contains("test: 60 images"), evaluate.out());

        CliRun predict = CliRun.of("mnist", "predict", "--model", model.toString(), "--data", data.toString(),
                "--first", "3", "--count", "4", "--no-pictures");
        assertEquals(0, predict.status(), predict.toString());
        assertTrue(predict.out().contains("image 3: predicted 3 (p="), predict.out());
        assertTrue(predict.out().contains("image 6: predicted"), predict.out());
        Matcher predicted = TESTED.matcher(predict.lastLine());
        assertTrue(predicted.matches(), predict.lastLine());
        assertEquals("mnist-predict", predicted.group(1));
    }

    @Test
    void resumingAFinishedRun_saysItIsFinished_andHowToTrainLonger() {
        Path data = IdxFolderWriter.write(dir, 80, 20);
        Path model = dir.resolve("model.bpnn");
        CliRun first = CliRun.of(train(data, model, "--epochs", "2"));
        assertEquals(0, first.status(), first.toString());
        assertTrue(first.out().contains("schedule cosine(minimum_fraction=0.02), batch 16, 2 epochs"), first.out());
        assertFalse(first.out().contains("CosineDecay"), "the documented name, not the record: " + first.out());

        CliRun again = CliRun.of("mnist", "--data", data.toString(), "--model", model.toString(), "--resume");

        assertEquals(0, again.status(), again.toString());
        assertEquals(model + " has finished: it trained 2 of 2 epochs, so there is nothing to resume. To train longer,"
                + " give a larger total: ./backprop mnist --data " + data + " --model " + model + " --resume --epochs 4",
                again.out().strip());
        assertEquals("", again.err());

        CliRun longer = CliRun.of("mnist", "--data", data.toString(), "--model", model.toString(), "--resume",
                "--epochs", "3");
        assertEquals(0, longer.status(), longer.toString());
        assertTrue(longer.out().contains("note: the cosine(minimum_fraction=0.02) schedule now spreads over 3 epochs"),
                longer.out());
        assertTrue(longer.lastLine().startsWith("result: example=mnist epochs=3 "), longer.lastLine());
    }

    @Test
    void aStaleTemporaryFileBesideTheModel_isRemovedByTheNextSave() throws IOException {
        Path data = IdxFolderWriter.write(dir, 40, 10);
        Path model = dir.resolve("model.bpnn");
        long deadProcess = 999_999_999L; // above Linux's largest pid
        assertTrue(ProcessHandle.of(deadProcess).isEmpty());
        Path stale = Files.write(dir.resolve("model.bpnn." + deadProcess + ".k3j2.tmp"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 10 * 60_000));
        Path otherTarget = Files.write(dir.resolve("other.bpnn." + deadProcess + ".k3j2.tmp"), new byte[] {1});
        Files.setLastModifiedTime(otherTarget, Files.getLastModifiedTime(stale));

        CliRun run = CliRun.of(train(data, model, "--epochs", "1"));

        assertEquals(0, run.status(), run.toString());
        assertFalse(Files.exists(stale), "a killed save's temporary file is cleaned up by the next save");
        assertTrue(Files.exists(otherTarget), "another file's temporary file is left alone");
        assertTrue(Files.exists(model));
    }

    @Test
    void help_describesTrainEvaluateAndPredict() {
        CliRun help = CliRun.of("mnist", "--help");
        assertEquals(0, help.status());
        for (String expected : new String[] {"--data", "--resume", "--checkpoint-every", "--preset", "evaluate",
            "predict", "train"}) {
            assertTrue(help.out().contains(expected), expected + " in " + help.out());
        }
    }
}
