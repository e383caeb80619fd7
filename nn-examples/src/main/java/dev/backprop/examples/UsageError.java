package dev.backprop.examples;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistake in the command line itself (an unknown option, a value that is not a number, a missing
 * value), as two lines on stderr: one {@code error:} line that says what was wrong and, when picocli
 * knows one, the option or command meant ({@code error: Unknown option: '--epoch'. Did you mean
 * --epochs?}), then where the usage is ({@code see ./backprop mnist --help}). Exit code
 * {@link BackpropCli#BAD_INPUT}. Stateless.
 */
final class UsageError implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        var err = command.getErr();
        command.getOut().flush();
        err.println(line(e));
        err.println("see ./" + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return BackpropCli.BAD_INPUT;
    }

    /** The {@code error:} line for {@code e}. */
    static String line(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> words = unmatched.getUnmatched();
            String first = words.get(0);
            String what = first.startsWith("-") ? "Unknown option: '" + first + "'"
                    : "Unexpected argument: '" + first + "'";
            List<String> suggestions = unmatched.getSuggestions();
            String hint = suggestions.isEmpty() ? "" : ". Did you mean " + String.join(" or ", suggestions) + "?";
            return "error: " + what + hint;
        }
        return "error: " + oneLine(e.getMessage());
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
