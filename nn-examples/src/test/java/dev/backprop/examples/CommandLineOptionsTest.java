package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** Every command spells each option one way, declared once, and its usage help renders cleanly. */
class CommandLineOptionsTest {

    private static final Set<String> RETIRED = Set.of("--lr", "--save", "--batch-size");

    @Test
    void eachOption_hasOneName_andTheSameMeaningInEveryCommandThatTakesIt() {
        Map<String, OptionSpec> first = new HashMap<>();
        for (CommandLine command : commands()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                String name = option.longestName();
                assertFalse(RETIRED.contains(name), command.getCommandName() + " still takes " + name);
                if (option.usageHelp() || option.versionHelp()) {
                    continue;   // picocli's own -h and -V
                }
                assertEquals(1, option.names().length, command.getCommandName() + ": one spelling for " + name);
                // the one exception: bench's --config NAME picks a peer setting, summary's and diagram's --config FILE
                // is a run configuration file; the two meanings are kept apart here and each must be uniform
                String key = name.equals("--config") && command.getCommandName().equals("bench")
                        ? "--config (bench)" : name;
                OptionSpec earlier = first.putIfAbsent(key, option);
                if (earlier != null) {
                    assertEquals(List.of(earlier.description()), List.of(option.description()),
                            name + " is declared once, so it reads the same in " + command.getCommandName());
                    assertEquals(earlier.paramLabel(), option.paramLabel(), name);
                }
            }
        }
        for (String shared : List.of("--epochs", "--batch", "--seed", "--threads", "--hidden", "--activation",
                "--loss", "--optimizer", "--learning-rate", "--optimizer-setting", "--data", "--model")) {
            assertTrue(first.containsKey(shared), shared);
        }
    }

    @Test
    void theTrainingCommands_allTakeTheSharedTrainingOptions() {
        for (CommandLine command : commands()) {
            if (List.of("xor", "iris", "sine", "mnist", "train", "bench").contains(command.getCommandName())) {
                for (String shared : List.of("--epochs", "--batch", "--seed", "--threads", "--activation", "--loss",
                        "--optimizer", "--learning-rate", "--activation-setting", "--loss-setting",
                        "--optimizer-setting")) {
                    assertTrue(command.getCommandSpec().findOption(shared) != null,
                            command.getCommandName() + " takes " + shared);
                }
            }
        }
    }

    @Test
    void usageHelp_rendersWithoutPicocliWarnings() {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> usages = new ArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (CommandLine command : commands()) {
                usages.add(command.getUsageMessage());
            }
        } finally {
            System.setErr(before);
        }

        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("[picocli WARN]"), warnings);
        String help = String.join("\n", usages).replaceAll("\\s+", " ");
        assertTrue(help.contains("cosine (decay to 2% of the initial rate)"), help);
    }

    @Test
    void mnistHelp_showsTheDefaultPresetsValues() {
        String usage = BackpropCli.commandLine().getSubcommands().get("mnist").getUsageMessage();

        for (String expected : new String[] {"Default: 512,256", "Default: 0.001", "Default: 128", "Default: 20",
            "Default: runs/mnist/model.bpnn"}) {
            assertTrue(usage.contains(expected), expected + " in " + usage);
        }
    }

    private static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        collect(BackpropCli.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }
}
