package dev.backprop.examples;

import dev.backprop.examples.bench.BenchCommand;
import dev.backprop.examples.xor.XorExample;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The examples' command line, {@code ./backprop <example> [options]}. Each example is a subcommand
 * with its own {@code --help}. Errors in the user's input end with a one-line explanation on stderr
 * and exit code 2; {@code --debug} adds the stack trace.
 */
@Command(name = "backprop", mixinStandardHelpOptions = true, versionProvider = BackpropCli.Version.class,
        description = "Backprop: multi-layer perceptrons trained by backpropagation, in pure Java.%n"
                + "Runs one of the example apps below; each takes --help.",
        subcommands = {XorExample.class, BenchCommand.class, CommandLine.HelpCommand.class},
        commandListHeading = "%nExamples:%n")
public final class BackpropCli implements Runnable {

    /** Exit code for bad input (arguments, data, model files). */
    public static final int BAD_INPUT = 2;

    @Spec
    private CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    private boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (tests call {@code execute} on it). */
    public static CommandLine commandLine() {
        BackpropCli cli = new BackpropCli();
        CommandLine commandLine = new CommandLine(cli);
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
