package dev.backprop.examples.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.bench.IdxFolderWriter;
import dev.backprop.io.model.ModelFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thirdparty.testplugin.SoftCube;

/**
 * Bad data, bad model files and bad settings end the command line with one clear {@code error:} line,
 * exit code 2 and no stack trace (unless {@code --debug}).
 */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void missingDataFolder() {
        assertBadInput(CliRun.of("mnist", "--data", dir.resolve("nowhere").toString()), "does not exist",
                "train-images-idx3-ubyte[.gz]");
    }

    @Test
    void missingIdxFile_namesIt() throws IOException {
        Path data = IdxFolderWriter.write(dir, 50, 20);
        Files.delete(data.resolve("t10k-labels-idx1-ubyte"));
        assertBadInput(train(data), "lacks t10k-labels-idx1-ubyte[.gz]");
    }

    @Test
    void imagesAndLabelsWithDifferentCounts() throws IOException {
        Path data = IdxFolderWriter.write(dir, 50, 20);
        Files.write(data.resolve("t10k-labels-idx1-ubyte"), labels(new byte[19]));
        assertBadInput(train(data), "20", "19");
    }

    @Test
    void wrongMagicNumber_imagesAndLabelsSwapped() throws IOException {
        Path data = IdxFolderWriter.write(dir, 50, 20);
        Path images = data.resolve("t10k-images-idx3-ubyte");
        Path labels = data.resolve("t10k-labels-idx1-ubyte");
        Path swap = data.resolve("swap");
        Files.move(images, swap);
        Files.move(labels, images);
        Files.move(swap, labels);
        assertBadInput(train(data), "magic");
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path data = IdxFolderWriter.write(dir, 50, 20);
        byte[] values = new byte[20];
        values[7] = 12;
        Files.write(data.resolve("t10k-labels-idx1-ubyte"), labels(values));
        assertBadInput(train(data), "12");
    }

    @Test
    void emptyDataset() throws IOException {
        Path data = IdxFolderWriter.write(dir, 50, 20);
        Files.write(data.resolve("t10k-images-idx3-ubyte"),
                ByteBuffer.allocate(16).putInt(0x803).putInt(0).putInt(4).putInt(4).array());
        Files.write(data.resolve("t10k-labels-idx1-ubyte"), labels(new byte[0]));
        assertBadInput(train(data), "0");
    }

    @Test
    void truncatedModel() throws IOException {
        Path model = trainedModel();
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(bytes, bytes.length / 2));
        assertBadInput(evaluate(model), "ends early");
    }

    @Test
    void modelWithAFlippedByte() throws IOException {
        Path model = trainedModel();
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(model, bytes);
        assertBadInput(evaluate(model), "checksum");
    }

    @Test
    void modelFromAFutureVersion() throws IOException {
        Path model = trainedModel();
        byte[] bytes = Files.readAllBytes(model);
        ByteBuffer.wrap(bytes).putInt(4, 99);
        Files.write(model, bytes);
        assertBadInput(evaluate(model), "format version 99", "upgrade Backprop");
    }

    @Test
    void modelNamingAMissingPlugin() {
        PluginRegistry withCube = PluginRegistry.of(List.of(new SoftCube()), List.of(), List.of());
        Network network = Network.builder().registry(withCube).input(16).dense(4, SoftCube.ID).dense(10, "softmax")
                .build();
        Path model = dir.resolve("cube.bpnn");
        ModelFiles.save(network, model);
        assertBadInput(evaluate(model), SoftCube.ID);
    }

    @Test
    void resumeFromAModelWithoutTrainingState() {
        Path data = IdxFolderWriter.write(dir, 50, 20);
        ModelFiles.save(Network.builder().input(16).dense(10, "softmax").build(), dir.resolve("m.bpnn"));
        assertBadInput(train(data, "--resume"), "no training state to resume from");
    }

    @Test
    void resumeWithNetworkOptions_saysTheyComeFromTheCheckpoint() {
        trainedModel();
        assertBadInput(train(dir, "--resume", "--hidden", "16", "--learning-rate", "0.1"),
                "--resume goes on with the network and settings saved in", "--hidden, --learning-rate were also given");
    }

    @Test
    void resumeWithPluginSettings_saysTheyComeFromTheCheckpoint() {
        trainedModel();
        assertBadInput(train(dir, "--resume", "--optimizer-setting", "beta1=0.8"),
                "--optimizer-setting was also given");
    }

    @Test
    void severalThreadCountsForOneTraining_areRefused() {
        Path data = IdxFolderWriter.write(dir, 50, 20);
        assertBadInput(CliRun.of("mnist", "--data", data.toString(), "--model", dir.resolve("m.bpnn").toString(),
                "--threads", "1,2"), "--threads takes one count here", "only bench runs once per count");
    }

    @Test
    void resumeOnOtherTrainingData_isRefused() {
        trainedModel();
        assertBadInput(train(dir, "--resume", "--limit", "30"), "trained on 45 examples per epoch",
                "this training set has 27");
    }

    @Test
    void predictPastTheLastImage_saysWhichImagesExist() {
        Path model = trainedModel();
        assertBadInput(CliRun.of("mnist", "predict", "--model", model.toString(), "--data", dir.toString(),
                "--first", "5", "--count", "2147483647"), "the test set has images 0 to 19");
    }

    @Test
    void trainingOptionsBeforeEvaluate_areNotSilentlyIgnored() {
        Path model = trainedModel();
        assertBadInput(CliRun.of("mnist", "--epochs", "5", "evaluate", "--model", model.toString(), "--data",
                dir.toString()), "--epochs came before it");
    }

    @Test
    void badSettingsOnTheCommandLine() {
        Path data = IdxFolderWriter.write(dir, 50, 20);
        assertBadInput(train(data, "--dropout", "1.5"), "dropout");
        assertBadInput(train(data, "--activation", "rleu"), "relu");
        assertBadInput(train(data, "--validation", "1"), "--validation", "from 0 (none) up to but not including 1");
    }

    @Test
    void debug_addsTheStackTrace() {
        CliRun run = CliRun.of("--debug", "mnist", "--data", dir.resolve("nowhere").toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void csvWithANonNumericCell_namesTheRowAndColumn() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b,c,d,species\n1,2,3,4,x\n5,6,seven,8,y\n9,10,11,12,x\n");
        assertBadInput(CliRun.of("iris", "--data", csv.toString()), "line 3", "seven");
    }

    @Test
    void csvWithARaggedRow_namesTheRow() throws IOException {
        Path csv = dir.resolve("ragged.csv");
        Files.writeString(csv, "a,b,c,d,species\n1,2,3,4,x\n5,6,7,y\n9,10,11,12,x\n");
        assertBadInput(CliRun.of("iris", "--data", csv.toString()), "line 3");
    }

    @Test
    void csvWithNaN_isRefused() throws IOException {
        Path csv = dir.resolve("nan.csv");
        Files.writeString(csv, "a,b,c,d,species\n1,2,3,4,x\n5,NaN,7,8,y\n9,10,11,12,x\n");
        assertBadInput(CliRun.of("iris", "--data", csv.toString()), "NaN");
    }

    private Path trainedModel() {
        Path data = IdxFolderWriter.write(dir, 50, 20);
        CliRun run = train(data);
        assertEquals(0, run.status(), run.toString());
        return dir.resolve("m.bpnn");
    }

    private CliRun train(Path data, String... more) {
        boolean resume = Arrays.asList(more).contains("--resume");
        String[] base = resume ? new String[] {"mnist", "--data", data.toString(), "--model",
            dir.resolve("m.bpnn").toString(), "--epochs", "2", "--threads", "1"}
            : new String[] {"mnist", "--data", data.toString(), "--model", dir.resolve("m.bpnn").toString(), "--hidden",
                "8", "--epochs", "1", "--threads", "1"};
        String[] args = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    private CliRun evaluate(Path model) {
        return CliRun.of("mnist", "evaluate", "--model", model.toString(), "--data", dir.toString());
    }

    private static byte[] labels(byte[] values) {
        return ByteBuffer.allocate(8 + values.length).putInt(0x801).putInt(values.length).put(values).array();
    }

    private static void assertBadInput(CliRun run, String... fragments) {
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().startsWith("error: "), run.toString());
        for (String fragment : fragments) {
            assertTrue(run.err().contains(fragment), "'" + fragment + "' in " + run.err());
        }
        assertFalse(run.err().contains("\tat "), "no stack trace without --debug: " + run.err());
    }
}
