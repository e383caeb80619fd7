package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.examples.bench.IdxFolderWriter;
import dev.backprop.examples.mnist.CliRun;
import dev.backprop.examples.plugins.PluginJars;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thirdparty.testplugin.HostilePlugins;

/**
 * Hostile input, one case per row: each runs the command line in-process in a fresh folder that holds a
 * small MNIST-format data folder ({@code data}) and a good model ({@code m.bpnn}), and must end with the
 * expected exit status, exactly one short {@code error:} line that has the key words, no stack trace,
 * and {@code m.bpnn} byte for byte as it was. To add a case, add a row to {@link #cases()}. Lines are
 * measured with each absolute path counted as {@code <path>} (the user's paths are as long as they are).
 */
class HostileInputCatalogTest {

    /** The longest line a message may have, paths aside. */
    private static final int MAX_LINE = 300;
    /** The inputs of the catalogue's images (4 × 4 pixels) and the width of its good model's hidden layer. */
    private static final int INPUT = 16;
    private static final int HIDDEN = 8;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path data;
    private static byte[] goodModel;

    /** What a case runs, given its folder (already holding {@code data} and {@code m.bpnn}). */
    @FunctionalInterface
    interface Args {
        String[] in(Path dir) throws IOException;
    }

    /**
     * @param name     what is hostile
     * @param args     the command line
     * @param status   the expected exit status
     * @param keywords what the error line must say
     * @param maxLine  the longest line allowed, paths counted as {@code <path>}
     */
    record Case(String name, Args args, int status, int maxLine, List<String> keywords) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void goodModel() throws IOException {
        data = IdxFolderWriter.write(Files.createDirectory(shared.resolve("data")), 50, 20);
        Path model = shared.resolve("m.bpnn");
        CliRun run = CliRun.of(train(shared, "--model", model.toString()));
        assertEquals(0, run.status(), run.toString());
        goodModel = Files.readAllBytes(model);
    }

    static Stream<Case> cases() {
        return Stream.of(
            // model files
            bad("truncated model file", d -> evaluate(d, half(d)), "ends early"),
            bad("model file with a flipped bit", d -> evaluate(d, flipped(d)), "checksum"),
            bad("model file that is a folder", d -> evaluate(d, Files.createDirectory(d.resolve("dir.bpnn"))),
                    "dir.bpnn", "directory"),
            bad("missing model file", d -> evaluate(d, d.resolve("nowhere.bpnn")), "nowhere.bpnn"),
            bad("model file whose valid checksum covers a width of 10^6", d -> evaluate(d, lyingWidth(d, 1_000_000)),
                    "16-1000000-10", "truncated or corrupted"),
            bad("model file whose valid checksum covers a width of 2^31-1",
                    d -> evaluate(d, lyingWidth(d, Integer.MAX_VALUE)), "2147483647"),
            bad("model file whose valid checksum covers a batch size of 2^31-1",
                    d -> evaluate(d, patched(d, trainingLoop(), 4, Integer.MAX_VALUE)), "batch size", "2147483647",
                    "1..16777216"),
            bad("model file whose valid checksum covers 2^31-1 threads",
                    d -> evaluate(d, patched(d, trainingLoop(), 17, Integer.MAX_VALUE)), "thread count",
                    "2147483647", "1..65536"),
            // settings
            bad("unknown activation id", d -> train(d, "--activation", "rleu"), "rleu", "Did you mean 'relu'"),
            bad("unknown optimizer id", d -> train(d, "--optimizer", "adamm"), "adamm", "Did you mean"),
            bad("hidden width 0", d -> train(d, "--hidden", "0"), "0"),
            bad("hidden width -1", d -> train(d, "--hidden", "-1"), "-1"),
            bad("validation share 1", d -> train(d, "--validation", "1"), "--validation", "1.0", "0.1"),
            bad("validation share below 0", d -> train(d, "--validation", "-0.5"), "--validation", "-0.5"),
            bad("validation share NaN", d -> train(d, "--validation", "NaN"), "--validation", "NaN"),
            bad("iris without held-out rows", d -> new String[] {"iris", "--validation", "0", "--epochs", "1"},
                    "--validation 0 holds no rows out", "above 0", "0.2"),
            bad("dropout 1.5", d -> train(d, "--dropout", "1.5"), "dropout", "1.5"),
            bad("misspelt plugin setting", d -> train(d, "--optimizer", "adam:beta=0.9"), "'beta'",
                    "Did you mean 'beta1'"),
            bad("plugin setting given twice", d -> train(d, "--optimizer", "adam:beta1=0.9,beta1=0.8"), "twice"),
            bad("plugin setting that is not a number", d -> train(d, "--optimizer", "adam:beta1=0.9.1"), "beta1",
                    "0.9.1"),
            bad("unknown option", d -> train(d, "--epoch", "2"), "--epoch", "Did you mean --epochs"),
            bad("config file for another input width", d -> train(d, "--config", Files.writeString(
                    d.resolve("run.yaml"), "network: {input: 784, layers: [{width: 10, activation: softmax}]}\n")
                    .toString()), "network.input to 16"),
            // data
            bad("missing data folder", d -> train(d, "--data", d.resolve("nowhere").toString()), "does not exist"),
            bad("truncated IDX images file", d -> train(d, "--data", truncatedIdx(d).toString()),
                    "t10k-images-idx3-ubyte"),
            bad("IDX header declaring 2·10^9 pixels", d -> train(d, "--data", hugeIdxHeader(d).toString()),
                    "train-images-idx3-ubyte.gz", "2000000000"),
            bad("empty iris CSV", d -> iris(csv(d, "")), "empty.csv"),
            bad("iris CSV line of 2,000,000 short fields", d -> iris(csv(d, "a,b,c,d,species\n"
                    + "1,".repeat(1_999_999) + "x\n")), "line 2", "5"),
            bad("iris CSV row of 100,000 fields", d -> iris(csv(d, "a,b,c,d,species\n" + "1,".repeat(99_999) + "x\n")),
                    "line 2", "5"),
            bad("iris CSV with 50,000 distinct labels", d -> iris(csv(d, manyLabels(50_000))), "1000 classes",
                    "REGRESSION"),
            bad("iris CSV row with a field too few", d -> iris(csv(d, "a,b,c,d,species\n1,2,3,4,x\n5,6,7,y\n")),
                    "line 3"),
            bad("missing plugins folder", d -> train(d, "--plugins", d.resolve("none").toString()), "--plugins",
                    "does not exist"),
            // sizes and threads, refused before anything is allocated or started
            bad("hidden width 200,000,000 (one array)", d -> train(d, "--hidden", "200000000"), "Layer 1",
                    "16×200000000", "2147483639"),
            bad("hidden width 10^9 (one array)", d -> train(d, "--hidden", "1000000000"), "Layer 1",
                    "16×1000000000"),
            bad("hidden widths beyond the heap", d -> train(d, "--hidden", "40000,40000"), "GB", "-Xmx"),
            bad("100,000 threads", d -> train(d, "--threads", "100000"), "100000 threads", "at most"),
            // divergence: stopped at the batch, nothing saved
            bad("learning rate 1e30", d -> train(d, "--optimizer", "sgd", "--learning-rate", "1e30"),
                    "Training stopped at epoch 1", "1.0E30"),
            // plugins that fail where they are used: named, with the root cause
            bad("activation whose value() throws in training", d -> train(d, "--plugins",
                    pluginFolder(d, HostilePlugins.ThrowingValue.class), "--activation",
                    HostilePlugins.ThrowingValue.ID), "Training stopped at epoch 1, batch 1",
                    "'" + HostilePlugins.ThrowingValue.ID + "'", "IllegalStateException", HostilePlugins.BROKEN),
            failure("activation that runs out of memory in training", d -> train(d, "--plugins",
                    pluginFolder(d, HostilePlugins.OutOfMemoryValue.class), "--activation",
                    HostilePlugins.OutOfMemoryValue.ID), "out of memory", "Java heap space (simulated)", "-Xmx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsWithOneCleanErrorLine_andKeepsTheModel(Case hostile) throws IOException {
        Path model = dir.resolve("m.bpnn");
        Files.write(model, goodModel);
        copyData(dir);

        CliRun run = CliRun.of(hostile.args().in(dir));

        assertEquals(hostile.status(), run.status(), run.toString());
        List<String> errorLines = run.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errorLines.size(), "one error line: " + run);
        assertTrue(run.err().startsWith("error: "), run.toString());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception in thread"), "no stack trace: " + run);
        assertEquals(2, run.err().lines().count(), "the error and the --debug hint: " + run);
        for (String keyword : hostile.keywords()) {
            assertTrue(errorLines.get(0).contains(keyword), "'" + keyword + "' in " + errorLines.get(0));
        }
        run.err().lines().map(HostileInputCatalogTest::withoutPaths).forEach(line -> assertTrue(
                line.length() <= hostile.maxLine(), "at most " + hostile.maxLine() + " characters: " + line.length()
                        + ": " + line));
        assertArrayEquals(goodModel, Files.readAllBytes(model), "the previous model is unchanged");
    }

    @Test
    void chartsThatCannotBeWritten_warnOnce_andTheRunKeepsItsModel() throws IOException {
        Path model = dir.resolve("run.bpnn");
        Path inTheWay = Files.createDirectories(dir.resolve("run-loss.png").resolve("something"));

        CliRun run = CliRun.of(train(dir, "--data", data.toString(), "--model", model.toString()));

        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), "one warning line and nothing else: " + run);
        assertTrue(lines.get(0).startsWith("warning: could not write the charts beside " + model), run.toString());
        assertTrue(lines.get(0).contains("the model is saved"), lines.get(0));
        assertTrue(withoutPaths(lines.get(0)).length() <= MAX_LINE, lines.get(0));
        assertTrue(run.lastLine().startsWith("result: example=mnist"), run.toString());
        assertTrue(Files.isDirectory(inTheWay), "what was in the way is left alone");
        assertEquals(0, CliRun.of("mnist", "evaluate", "--model", model.toString(), "--data", data.toString())
                .status(), "the model loads");
    }

    private static Case bad(String name, Args args, String... keywords) {
        return new Case(name, args, BackpropCli.BAD_INPUT, MAX_LINE, List.of(keywords));
    }

    private static Case failure(String name, Args args, String... keywords) {
        return new Case(name, args, BackpropCli.FAILURE, MAX_LINE, List.of(keywords));
    }

    /** The line with each absolute path as {@code <path>}. */
    private static String withoutPaths(String line) {
        return line.replaceAll("(?<![^\\s(])/[^\\s:,;()]+", "<path>");
    }

    /** A tiny training run into {@code dir/m.bpnn} on {@code dir/data}; {@code more} replaces the options it names. */
    private static String[] train(Path dir, String... more) {
        String[][] base = {{"--data", dir.resolve("data").toString()}, {"--model", dir.resolve("m.bpnn").toString()},
            {"--hidden", String.valueOf(HIDDEN)}, {"--epochs", "1"}, {"--threads", "1"}, {"--batch", "16"}};
        List<String> given = Arrays.asList(more);
        Stream<String> kept = Arrays.stream(base).filter(option -> !given.contains(option[0])).flatMap(Arrays::stream);
        return Stream.of(Stream.of("mnist"), kept, given.stream()).flatMap(s -> s).toArray(String[]::new);
    }

    private static String[] evaluate(Path dir, Path model) {
        return new String[] {"mnist", "evaluate", "--model", model.toString(), "--data", dir.resolve("data").toString()};
    }

    private static String[] iris(Path csv) {
        return new String[] {"iris", "--data", csv.toString(), "--epochs", "1"};
    }

    private static Path half(Path dir) throws IOException {
        return Files.write(dir.resolve("half.bpnn"), Arrays.copyOf(goodModel, goodModel.length / 2));
    }

    private static Path flipped(Path dir) throws IOException {
        byte[] bytes = goodModel.clone();
        bytes[bytes.length / 2] ^= 0x01;
        return Files.write(dir.resolve("flipped.bpnn"), bytes);
    }

    private static Path truncatedIdx(Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("truncated"));
        copyData(folder);
        Path images = folder.resolve("data").resolve("t10k-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length - 7));
        return folder.resolve("data");
    }

    /** The good model with layer 1's declared width replaced by {@code width} and a checksum that holds again. */
    private static Path lyingWidth(Path dir, int width) throws IOException {
        return patched(dir, ByteBuffer.allocate(12).putInt(INPUT).putInt(2).putInt(HIDDEN).array(), 8, width);
    }

    /**
     * The stored training loop of the good model: epochs 1, batch 16, shuffle on, seed 42, then the
     * thread count (at offset 17).
     */
    private static byte[] trainingLoop() {
        return ByteBuffer.allocate(17).putInt(1).putInt(16).put((byte) 1).putLong(42).array();
    }

    /**
     * The good model with the int at {@code offset} past {@code pattern} (found once) replaced by
     * {@code value}, and a checksum that holds again: what a broken writer could have saved.
     */
    private static Path patched(Path dir, byte[] pattern, int offset, int value) throws IOException {
        byte[] bytes = goodModel.clone();
        int at = -1;
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                assertEquals(-1, at, "the pattern occurs once");
                at = i;
            }
        }
        assertTrue(at >= 0, "the pattern is in the file");
        ByteBuffer.wrap(bytes).putInt(at + offset, value);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        ByteBuffer.wrap(bytes).putLong(bytes.length - Long.BYTES, crc.getValue());
        return Files.write(dir.resolve("patched.bpnn"), bytes);
    }

    /** A copy of the data whose gzipped training images are only a header declaring 20,000 images of 10,000 × 10 pixels. */
    private static Path hugeIdxHeader(Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("huge"));
        copyData(folder);
        Path images = folder.resolve("data").resolve("train-images-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(images))) {
            out.write(ByteBuffer.allocate(16).putInt(0x803).putInt(20_000).putInt(10_000).putInt(10).array());
        }
        return folder.resolve("data");
    }

    private static String manyLabels(int count) {
        StringBuilder text = new StringBuilder("a,b,c,d,species\n");
        for (int i = 0; i < count; i++) {
            text.append("1,2,3,4,label").append(i).append('\n');
        }
        return text.toString();
    }

    private static Path csv(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve(text.isEmpty() ? "empty.csv" : "rows.csv"), text);
    }

    private static String pluginFolder(Path dir, Class<?>... activations) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("plugins"));
        PluginJars.activationJar(folder, "hostile.jar", activations);
        return folder.toString();
    }

    private static void copyData(Path dir) {
        try {
            Path target = Files.createDirectories(dir.resolve("data"));
            try (Stream<Path> files = Files.list(data)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
