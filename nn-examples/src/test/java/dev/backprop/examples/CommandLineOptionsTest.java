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
import java.util.regex.Pattern;
import dev.backprop.examples.mnist.CliRun;
import picocli.CommandLine.Model.CommandSpec;
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
                if (option.usageHelp() || option.versionHelp() || option.hidden()) {
                    continue;   // picocli's own -h and -V; bench's hidden old spelling of --peer-config
                }
                assertEquals(1, option.names().length, command.getCommandName() + ": one spelling for " + name);
                OptionSpec earlier = first.putIfAbsent(name, option);
                if (earlier != null) {
                    assertEquals(List.of(earlier.description()), List.of(option.description()),
                            name + " is declared once, so it reads the same in " + command.getCommandName());
                    assertEquals(earlier.paramLabel(), option.paramLabel(), name);
                }
            }
        }
        for (String shared : List.of("--epochs", "--batch", "--seed", "--threads", "--hidden", "--activation",
                "--loss", "--optimizer", "--learning-rate", "--optimizer-setting", "--data", "--model", "--config",
                "--init")) {
            assertTrue(first.containsKey(shared), shared);
        }
    }

    @Test
    void theTrainingCommands_allTakeTheSharedTrainingOptions() {
        for (CommandLine command : commands()) {
            if (List.of("xor", "iris", "sine", "mnist", "train", "bench").contains(command.getCommandName())) {
                if (!command.getCommandName().equals("bench")) {
                    assertTrue(command.getCommandSpec().findOption("--config") != null,
                            command.getCommandName() + " takes a run from --config FILE");
                }
                for (String shared : List.of("--epochs", "--batch", "--seed", "--threads", "--activation", "--loss",
                        "--optimizer", "--init", "--learning-rate", "--activation-setting", "--loss-setting",
                        "--optimizer-setting")) {
                    if (!(shared.equals("--init") && command.getCommandName().equals("bench"))) {
                        assertTrue(command.getCommandSpec().findOption(shared) != null,
                                command.getCommandName() + " takes " + shared);
                    }
                }
            }
        }
    }

    @Test
    void usageHelp_rendersWithoutAnyWarning() {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> usages = new ArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (CommandLine command : commands()) {
                CliRun help = CliRun.of(path(command, "--help"));
                assertEquals(0, help.status(), help.toString());
                usages.add(help.out() + help.err());
            }
        } finally {
            System.setErr(before);
        }

        String stderr = captured.toString(StandardCharsets.UTF_8);
        assertFalse(stderr.toLowerCase(java.util.Locale.ROOT).contains("warn"), stderr);
        for (String usage : usages) {
            assertFalse(usage.toLowerCase(java.util.Locale.ROOT).contains("warning") || usage.contains("WARN"), usage);
        }
        String help = String.join("\n", usages).replaceAll("\\s+", " ");
        assertTrue(help.contains("cosine (decay to 2% of the initial rate)"), help);
    }

    @Test
    void helpTexts_areAllValidFormatStrings() {
        // picocli formats every help text with String.format: a lone % makes it warn on stderr (once per
        // rendering) and print the raw text; escape it as %%
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<String> texts = new ArrayList<>();
        try {
            for (CommandLine command : commands()) {
                CommandSpec spec = command.getCommandSpec();
                texts.addAll(List.of(spec.usageMessage().description()));
                texts.addAll(List.of(spec.usageMessage().footer()));
                spec.options().forEach(option -> texts.addAll(List.of(option.description())));
                spec.positionalParameters().forEach(parameter -> texts.addAll(List.of(parameter.description())));
            }
        } finally {
            System.setErr(before);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("Could not format"), warnings);
        assertTrue(texts.size() > 100, "every text was read: " + texts.size());
    }

    @Test
    void everyCommand_labelsItsValuesInCapitals_andListsItsSubcommandsOnOneLineEach() {
        Pattern label = Pattern.compile("[A-Z][A-Z0-9_]*([=:,.\\[\\]]+[A-Z0-9_]*)*\\]?");
        for (CommandLine command : commands()) {
            CommandSpec spec = command.getCommandSpec();
            for (OptionSpec option : spec.options()) {
                if (option.arity().max() > 0 && !option.hidden()) {
                    assertTrue(label.matcher(option.paramLabel()).matches(), spec.qualifiedName() + " "
                            + option.longestName() + ": a value is labelled like N, FILE or ID[:SETTINGS], not "
                            + option.paramLabel());
                }
            }
            spec.positionalParameters().forEach(parameter -> assertTrue(label.matcher(parameter.paramLabel())
                    .matches(), spec.qualifiedName() + ": " + parameter.paramLabel()));
            String usage = command.getUsageMessage();
            for (String name : command.getSubcommands().keySet()) {
                assertTrue(Pattern.compile("^  " + Pattern.quote(name) + " {2,}\\S", Pattern.MULTILINE).matcher(usage)
                        .find(), spec.qualifiedName() + " lists " + name + " with its description on the same line:\n"
                        + usage);
            }
        }
    }

    @Test
    void trainingCommands_explainThePluginSettingsGrammarOnce_inTheirFooter() {
        for (CommandLine command : commands()) {
            if (command.getCommandSpec().findOption("--activation") == null) {
                continue;
            }
            String usage = command.getUsageMessage();
            assertEquals(1, usage.split("Plugin settings, one grammar", -1).length - 1, usage);
            for (String line : dev.backprop.examples.options.PluginChoices.SETTINGS_HELP) {
                assertTrue(usage.contains(line.replace("%n", "")), "unwrapped: '" + line + "' in " + usage);
            }
        }
    }

    /** The words that run {@code command} (its path below the root), then {@code more}. */
    private static String[] path(CommandLine command, String... more) {
        List<String> words = new ArrayList<>();
        for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
            words.add(0, c.getCommandName());
        }
        words.addAll(List.of(more));
        return words.toArray(String[]::new);
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
