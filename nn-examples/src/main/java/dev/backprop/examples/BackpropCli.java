package dev.backprop.examples;

import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.bench.BenchCommand;
import dev.backprop.examples.plugins.PluginFolder;
import dev.backprop.examples.plugins.PluginSource;
import dev.backprop.examples.plugins.PluginsCommand;
import dev.backprop.examples.iris.IrisExample;
import dev.backprop.examples.mnist.MnistCommand;
import dev.backprop.examples.sine.SineExample;
import dev.backprop.examples.xor.XorExample;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The examples' command line, {@code ./backprop <example> [options]}. Each example is a subcommand
 * with its own {@code --help}. Errors in the user's input end with a one-line explanation on stderr
 * and exit code 2; {@code --debug} adds the stack trace. {@code --plugins DIR} adds the plugin jars in
 * {@code DIR} to the built-ins for every command.
 */
@Command(name = "backprop", mixinStandardHelpOptions = true, versionProvider = BackpropCli.Version.class,
        description = "Backprop: multi-layer perceptrons trained by backpropagation, in pure Java.%n"
                + "Runs one of the example apps below; each takes --help.",
        subcommands = {MnistCommand.class, XorExample.class, IrisExample.class, SineExample.class, BenchCommand.class,
            PluginsCommand.class, CommandLine.HelpCommand.class},
        commandListHeading = "%nExamples:%n")
public final class BackpropCli implements Runnable, PluginSource {

    /** Exit code for bad input (arguments, data, model files). */
    public static final int BAD_INPUT = 2;

    @Spec
    private CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    private boolean debug;

    @CommandLine.Option(names = "--plugins", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Also load the plugins in every *.jar directly inside DIR (activations, losses,"
                    + " optimizers, initialisers), for example --plugins nn-examples-plugin/target.")
    private Path pluginsFolder;

    private PluginRegistry registry;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The built-ins, plus the jars of {@code --plugins DIR} when given; built on first use. */
    @Override
    public synchronized PluginRegistry pluginRegistry() {
        if (registry == null) {
            registry = pluginsFolder == null ? PluginRegistry.discovered() : PluginFolder.registry(pluginsFolder);
        }
        return registry;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (tests call {@code execute} on it). */
    public static CommandLine commandLine() {
        BackpropCli cli = new BackpropCli();
        CommandLine commandLine = new CommandLine(cli).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (exception instanceof dev.backprop.api.BackpropException || exception instanceof java.io.IOException
                    || exception instanceof java.io.UncheckedIOException) {
                err.println("error: " + exception.getMessage());
                if (cli.debug) {
                    exception.printStackTrace(err);
                } else {
                    err.println("(run again with --debug for the stack trace)");
                }
                err.flush();
                return BAD_INPUT;
            }
            throw exception;
        });
        return commandLine;
    }

    /** The version, from the jar manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BackpropCli.class.getPackage().getImplementationVersion();
            return new String[] {"backprop " + (version == null ? "(development build)" : version)};
        }
    }
}
