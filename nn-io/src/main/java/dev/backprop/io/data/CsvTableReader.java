package dev.backprop.io.data;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a CSV file into {@link CsvTable}: numeric feature columns and a label column, as
 * {@link CsvReadOptions} describe. Every failure is a {@link DatasetFormatException} naming the file, the
 * 1-based line, the column (name and 0-based index), what was expected, what was found and how to fix
 * it. Stateless and thread-safe.
 */
public final class CsvTableReader {

    private CsvTableReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws DatasetFormatException if the file is missing or not valid CSV; is empty or has no data
     *                                rows; has a row with the wrong number of fields; names no such label
     *                                or feature column; holds a non-numeric, NaN or infinite feature (or
     *                                regression target) or an empty label; or, for one-hot targets, has
     *                                fewer than two classes
     */
    public static CsvTable read(Path file, CsvReadOptions options) {
        Objects.requireNonNull(options, "options");
        Path path = file.toAbsolutePath().normalize();
        try (CsvRecordReader records = CsvRecordReader.open(path, options.delimiter())) {
            return read(path, options, records);
        }
    }

    private static CsvTable read(Path file, CsvReadOptions options, CsvRecordReader records) {
        CsvRecordReader.Row first = records.next(options.maxFields());
        if (first == null) {
            throw new DatasetFormatException("CSV file " + file + " is empty: expected "
                    + (options.header() ? "a header line and " : "") + "at least one data row. Check that the"
                    + " file was written completely.");
        }
        if (first.overflow()) {
            throw new DatasetFormatException("CSV file " + file + ", line " + first.line() + ": expected at most "
                    + options.maxFields() + " fields (CsvReadOptions.maxFields) but found more. Check the delimiter '"
                    + options.delimiter() + "', or raise the limit with CsvReadOptions.builder().maxFields(n).");
        }
        List<String> names = options.header() ? headerNames(first) : generatedNames(first.fields().length);
        CsvColumnRoles columns = CsvColumnRoles.resolve(file, first.line(), names, options);
        int width = names.size();
        FloatBuffer features = new FloatBuffer(file, "feature values");
        FloatBuffer numericTargets = new FloatBuffer(file, "targets");
        List<String> labels = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (CsvRecordReader.Row row = options.header() ? records.next(width) : first; row != null;
                row = records.next(width)) {
            if (row.overflow() || row.fields().length != width) {
                throw new DatasetFormatException("CSV file " + file + ", line " + row.line() + ": expected " + width
                        + " fields " + (options.header() ? "like the header (line " + first.line() + ": "
                        + CsvText.list(names) + ")" : "like line " + first.line()) + " but found "
                        + (row.overflow() ? "more (at least " + (width + 1) + ")" : row.fields().length + ": " + CsvText.list(List.of(row.fields())))
                        + ". Check for a missing or extra delimiter '" + options.delimiter() + "', and quote fields"
                        + " that contain one (\"a" + options.delimiter() + " b\").");
            }
            for (int column : columns.features()) {
                features.add(number(file, row, columns, column, "feature"));
            }
            if (options.encoding() == TargetEncoding.REGRESSION) {
                numericTargets.add(number(file, row, columns, columns.label(), "regression target"));
            } else {
                String label = label(file, row, columns);
                if (distinct.add(label) && distinct.size() > options.maxClasses()) {
                    throw tooManyClasses(file, row, columns, options);
                }
                labels.add(label);
            }
        }
        if (features.size() == 0) {
            throw new DatasetFormatException("CSV file " + file + " has a header (line " + first.line() + ") but no"
                    + " data rows: expected at least one row of values after it. If the file has no header,"
                    + " read it with CsvReadOptions.builder().header(false).");
        }
        String targetName = names.get(columns.label());
        if (options.encoding() == TargetEncoding.REGRESSION) {
            return new CsvTable(file, columns.featureNames(), targetName, TargetEncoding.REGRESSION, List.of(),
                    features.toArray(), numericTargets.toArray());
        }
        List<String> classes = classNames(labels);
        if (classes.size() < 2) {
            throw new DatasetFormatException("CSV file " + file + ": label " + columns.describe(columns.label())
                    + " holds a single class ('" + CsvText.quote(classes.get(0)) + "') in all " + labels.size() + " rows: one-hot"
                    + " classification needs at least 2 classes. Choose the right label column, or use"
                    + " TargetEncoding.REGRESSION for a numeric target.");
        }
        if (options.encoding() == TargetEncoding.CLASS_INDEX) {
            return new CsvTable(file, columns.featureNames(), targetName, TargetEncoding.CLASS_INDEX, classes,
                    features.toArray(), classIndices(labels, classes));
        }
        long targetValues = (long) labels.size() * classes.size();
        if (targetValues > FloatBuffer.MAX_VALUES) {
            throw new DatasetFormatException("CSV file " + file + ": one-hot targets of " + labels.size() + " rows × "
                    + classes.size() + " classes need " + targetValues + " values, more than one Java array holds ("
                    + FloatBuffer.MAX_VALUES + "). Use TargetEncoding.CLASS_INDEX, or read fewer rows.");
        }
        return new CsvTable(file, columns.featureNames(), targetName, TargetEncoding.ONE_HOT, classes,
                features.toArray(), oneHot(labels, classes));
    }

    private static DatasetFormatException tooManyClasses(Path file, CsvRecordReader.Row row, CsvColumnRoles columns,
                                                         CsvReadOptions options) {
        return new DatasetFormatException("CSV file " + file + ", line " + row.line() + ", label "
                + columns.describe(columns.label()) + ": expected at most " + options.maxClasses() + " classes"
                + " (CsvReadOptions.maxClasses) but found more. For a numeric target use"
                + " encoding(TargetEncoding.REGRESSION); else raise maxClasses(n).");
    }

    private static List<String> headerNames(CsvRecordReader.Row header) {
        List<String> names = new ArrayList<>(header.fields().length);
        for (String field : header.fields()) {
            names.add(field.strip());
        }
        return names;
    }

    private static List<String> generatedNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add("column_" + i);
        }
        return names;
    }

    private static float number(Path file, CsvRecordReader.Row row, CsvColumnRoles columns, int column,
                                String role) {
        String text = row.fields()[column].strip();
        String where = "CSV file " + file + ", line " + row.line() + ", " + columns.describe(column) + ": ";
        if (text.isEmpty()) {
            throw new DatasetFormatException(where + "expected a number (" + role + ") but the cell is empty."
                    + " Fill in or impute missing values, or drop the row.");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(where + "expected a number (" + role + ") but found '"
                    + CsvText.quote(text) + "'."
                    + " Convert the column to numbers (for example one-hot encode a category), remove it from the"
                    + " feature columns, or check that the delimiter is right.", e);
        }
        if (!Double.isFinite(value)) {
            throw new DatasetFormatException(where + "expected a finite number (" + role + ") but found '"
                    + CsvText.quote(text) + "' (" + (Double.isNaN(value) ? "NaN" : "infinite") + "). Replace or impute the value, or"
                    + " drop the row.");
        }
        float result = (float) value;
        if (Float.isInfinite(result)) {
            throw new DatasetFormatException(where + "expected a number within float range (±3.4e38, " + role
                    + ") but found '" + CsvText.quote(text) + "'. Rescale the column before reading it.");
        }
        return result;
    }

    private static String label(Path file, CsvRecordReader.Row row, CsvColumnRoles columns) {
        String text = row.fields()[columns.label()].strip();
        if (text.isEmpty()) {
            throw new DatasetFormatException("CSV file " + file + ", line " + row.line() + ", label "
                    + columns.describe(columns.label()) + ": expected a class name or number but the cell is"
                    + " empty. Label the row, or drop it.");
        }
        return text;
    }

    /** The distinct labels, numerically sorted when all are integers, otherwise lexicographically. */
    static List<String> classNames(List<String> labels) {
        Set<String> distinct = new LinkedHashSet<>(labels);
        List<String> classes = new ArrayList<>(distinct);
        if (classes.stream().allMatch(CsvTableReader::isInteger)) {
            classes.sort(Comparator.comparing(BigInteger::new));
        } else {
            classes.sort(Comparator.naturalOrder());
        }
        return classes;
    }

    private static boolean isInteger(String text) {
        return text.matches("[+-]?\\d+");
    }

    /** One target per row: the index of its label among {@code classes}. */
    private static float[] classIndices(List<String> labels, List<String> classes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        float[] targets = new float[labels.size()];
        for (int row = 0; row < labels.size(); row++) {
            targets[row] = index.get(labels.get(row));
        }
        return targets;
    }

    private static float[] oneHot(List<String> labels, List<String> classes) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        float[] targets = new float[labels.size() * classes.size()];
        for (int row = 0; row < labels.size(); row++) {
            targets[row * classes.size() + index.get(labels.get(row))] = 1f;
        }
        return targets;
    }

    /** A growable float array, which refuses to grow past what one Java array holds. */
    private static final class FloatBuffer {

        /** The largest array the JVM reliably allocates. */
        static final int MAX_VALUES = Integer.MAX_VALUE - 8;

        private final Path file;
        private final String what;
        private float[] values = new float[1024];
        private int size;

        FloatBuffer(Path file, String what) {
            this.file = file;
            this.what = what;
        }

        void add(float value) {
            if (size == values.length) {
                if (size == MAX_VALUES) {
                    throw new DatasetFormatException("CSV file " + file + " holds more than " + MAX_VALUES + " "
                            + what + ", more than one Java array holds: expected a smaller file. Split it, or read"
                            + " fewer feature columns.");
                }
                values = Arrays.copyOf(values, (int) Math.min(2L * values.length, MAX_VALUES));
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
