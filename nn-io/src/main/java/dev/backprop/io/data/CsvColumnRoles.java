package dev.backprop.io.data;

import dev.backprop.core.text.ClosestMatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns of a CSV file are the label and the features, resolved from the column names and
 * {@link CsvReadOptions}. Unknown names fail with the list of columns and the closest match.
 *
 * @param names    every column's name, in file order
 * @param label    the label column's 0-based index
 * @param features the feature columns' 0-based indices, in the order they become features
 */
record CsvColumnRoles(List<String> names, int label, int[] features) {

    /**
     * Resolves the columns.
     *
     * @param names the header's names, or generated ones ({@code column_0}, …)
     * @param line  the line the names come from, for messages
     * @throws DatasetFormatException if a named column does not exist, a header name repeats, or no
     *                                feature column is left
     */
    static CsvColumnRoles resolve(Path file, int line, List<String> names, CsvReadOptions options) {
        requireUniqueNames(file, line, names);
        int label = labelIndex(file, line, names, options);
        int[] features;
        if (options.featureColumns().isEmpty()) {
            features = new int[names.size() - 1];
            for (int i = 0, f = 0; i < names.size(); i++) {
                if (i != label) {
                    features[f++] = i;
                }
            }
        } else {
            features = new int[options.featureColumns().size()];
            for (int f = 0; f < features.length; f++) {
                String name = options.featureColumns().get(f);
                features[f] = find(file, line, names, name, "feature column");
                if (features[f] == label) {
                    throw new DatasetFormatException("CSV file " + file + ": column '" + name + "' (index " + label
                            + ") is both the label column and a feature column. Remove it from the feature"
                            + " columns, or choose another label column.");
                }
            }
        }
        if (features.length == 0) {
            throw new DatasetFormatException("CSV file " + file + " has only the label column '" + CsvText.quote(names.get(label))
                    + "' (line " + line + " has 1 field): expected at least one feature column as well. Check the"
                    + " delimiter (the file may use ';' or tabs instead of the configured one).");
        }
        return new CsvColumnRoles(List.copyOf(names), label, features);
    }

    /** The names of the feature columns, in feature order. */
    List<String> featureNames() {
        List<String> result = new ArrayList<>(features.length);
        for (int index : features) {
            result.add(names.get(index));
        }
        return List.copyOf(result);
    }

    /** "column 'x' (index 3)". */
    String describe(int index) {
        return "column '" + CsvText.quote(names.get(index)) + "' (index " + index + ")";
    }

    private static int labelIndex(Path file, int line, List<String> names, CsvReadOptions options) {
        if (options.labelByName()) {
            return find(file, line, names, options.labelColumn(), "label column");
        }
        if (options.labelIndex() == CsvReadOptions.LAST_COLUMN) {
            return names.size() - 1;
        }
        if (options.labelIndex() >= names.size()) {
            throw new DatasetFormatException("CSV file " + file + ": the label column index is "
                    + options.labelIndex() + " (0-based) but line " + line + " has only " + names.size()
                    + " columns (indices 0 to " + (names.size() - 1) + "): " + CsvText.list(names) + ". Give an index in that"
                    + " range, or choose the label column by name.");
        }
        return options.labelIndex();
    }

    private static int find(Path file, int line, List<String> names, String wanted, String role) {
        int index = names.indexOf(wanted);
        if (index >= 0) {
            return index;
        }
        String hint = ClosestMatch.suggestionIgnoringCase(wanted, names);
        throw new DatasetFormatException("CSV file " + file + " has no " + role + " named '" + CsvText.quote(wanted)
                + "': the header (line " + line + ") has the columns " + CsvText.list(names) + "." + hint
                + " Names are case-sensitive; give one of those names"
                + (role.startsWith("label") ? ", or choose the label column by index." : "."));
    }

    private static void requireUniqueNames(Path file, int line, List<String> names) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer other = seen.putIfAbsent(names.get(i), i);
            if (other != null) {
                throw new DatasetFormatException("CSV file " + file + ", line " + line + ": column name '"
                        + CsvText.quote(names.get(i)) + "' appears twice (index " + other + " and index " + i + "): expected"
                        + " unique column names. Rename one of them in the header.");
            }
        }
    }
}
