package dev.backprop.examples;

import com.google.inject.Guice;
import com.google.inject.Inject;
import dev.backprop.examples.bench.BenchCommand;
import dev.backprop.examples.bench.ScalingChartCommand;
import dev.backprop.examples.dashboard.DashboardCommand;
import dev.backprop.examples.diagram.DiagramCommand;
import dev.backprop.examples.diagram.SummaryCommand;
import dev.backprop.examples.inject.CliModule;
import dev.backprop.examples.inject.GuiceFactory;
import dev.backprop.examples.iris.IrisExample;
import dev.backprop.examples.mnist.MnistCommand;
import dev.backprop.examples.onnx.ExportCommand;
import dev.backprop.examples.onnx.ImportCommand;
import dev.backprop.examples.options.PluginChoices;
import dev.backprop.examples.plugins.PluginsCommand;
import dev.backprop.examples.plugins.PluginsOption;
import dev.backprop.examples.sine.SineExample;
import dev.backprop.examples.xor.XorExample;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The examples' command line, {@code ./backprop <example> [options]}. Each example is a subcommand
 * with its own {@code --help}. Errors in the user's input end with a one-line explanation on stderr
 * and exit code 2 ({@link #BAD_INPUT}); anything else that goes wrong (a plugin that throws, a class
 * that fails to initialise, an exhausted heap, a bug) ends with one {@code error:} line naming the root
 * cause and the failing plugin, and exit code 3 ({@link #FAILURE}) ({@link ErrorLine}); {@code --debug}
 * adds the stack trace. {@code --plugins DIR} adds the plugin jars in
 * {@code DIR} to the built-ins for every command. Picocli builds the commands through Guice
 * ({@link CliModule}, {@link GuiceFactory}).
 */
@Command(name = "backprop", mixinStandardHelpOptions = true, versionProvider = BackpropCli.Version.class,
        description = "Backprop: multi-layer perceptrons trained by backpropagation, in pure Java.%n"
                + "Runs one of the example apps below; each takes --help.",
        subcommands = {MnistCommand.class, XorExample.class, IrisExample.class, SineExample.class, BenchCommand.class,
            SummaryCommand.class, DiagramCommand.class, ExportCommand.class, ImportCommand.class,
            DashboardCommand.class, PluginsCommand.class, ScalingChartCommand.class, CommandLine.HelpCommand.class},
        commandListHeading = "%nExamples:%n",
        footer = {"%nOn Apache Spark (a separate app, run by ./backprop, which puts Spark on its class path):",
            "  spark-mnist  Trains the mnist classifier through Spark's data-parallel",
            "               BackpropClassifier (nn-spark); ./backprop spark-mnist --help."})
public final class BackpropCli implements Runnable {

    /** Exit code for bad input (arguments, data, model files). */
    public static final int BAD_INPUT = 2;

    /** Exit code for a failure that is not the input's: a plugin that throws, an exhausted heap, a bug. */
    public static final int FAILURE = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean debug;

    @Mixin
    private final PluginsOption plugins;

    /**
     * @param plugins {@code --plugins}, the one the application's registry is built from
     */
    @Inject
    BackpropCli(PluginsOption plugins) {
        this.plugins = plugins;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, with a new injector (tests call {@code execute} on it). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(BackpropCli.class,
                new GuiceFactory(Guice.createInjector(new CliModule())));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new UsageError());
        addSettingsHelp(commandLine);
        BackpropCli cli = commandLine.getCommand();
        // Errors (a plugin's ExceptionInInitializerError, OutOfMemoryError) pass picocli's handler by; wrapped,
        // they reach it like exceptions.
        commandLine.setExecutionStrategy(parseResult -> {
            reportPluginProblems(cli.plugins, parseResult);
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (Error e) {
                throw new CommandLine.ExecutionException(commandLine, e.toString(), e);
            }
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            Throwable failure = ErrorLine.unwrapped(exception);
            ErrorLine line = ErrorLine.of(failure);
            PrintWriter out = cmd.getOut();
            out.flush(); // what the command printed comes before the error
            PrintWriter err = cmd.getErr();
            err.println(line.text());
            if (cli.debug) {
                failure.printStackTrace(err);
            } else {
                err.println("(run again with --debug for the stack trace)");
            }
            err.flush();
            return line.status();
        });
        return commandLine;
    }

    /** The footer that explains the plugin settings grammar, on every command that takes {@code --activation}. */
    private static void addSettingsHelp(CommandLine command) {
        if (command.getCommandSpec().findOption("--activation") != null) {
            command.getCommandSpec().usageMessage().footer(PluginChoices.SETTINGS_HELP);
        }
        command.getSubcommands().values().forEach(BackpropCli::addSettingsHelp);
    }

    /**
     * Plugin problems (an unreadable jar, a plugin skipped at discovery) as one {@code warning:} line each
     * on stderr, when the registry is built; the {@code plugins} command lists them itself.
     */
    private static void reportPluginProblems(PluginsOption plugins, CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult last = parseResult;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandLine command = last.commandSpec().commandLine();
        if (command.getCommand() instanceof PluginsCommand) {
            return;
        }
        plugins.reportProblemsTo(problems -> {
            command.getOut().flush();
            problems.forEach(problem -> command.getErr().println("warning: plugin " + problem));
            command.getErr().flush();
        });
    }

    /** The version, from the jar manifest when there is one. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BackpropCli.class.getPackage().getImplementationVersion();
            return new String[] {"backprop " + (version == null ? "(development build)" : version)};
        }
    }
}
