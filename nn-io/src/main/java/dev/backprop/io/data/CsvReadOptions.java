package dev.backprop.io.data;

import dev.backprop.api.InvalidConfigurationException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link CsvTableReader#read} interprets a CSV file. Fields may be quoted as in RFC 4180
 * ({@code "a, b"}, with {@code ""} for a quote inside); blank lines are skipped. Build one with
 * {@link #builder()}; {@link #defaults()} reads a file with a header, comma-separated, whose last
 * column is a class label.
 *
 * @param header         whether the first line names the columns; without one the columns are named
 *                       {@code column_0}, {@code column_1}, …
 * @param delimiter      the field separator, not a quote or a line break
 * @param labelColumn    the label column's name, or {@code null} to choose it by {@code labelIndex}
 * @param labelIndex     the label column's 0-based index, or {@link #LAST_COLUMN}; must be
 *                       {@link #LAST_COLUMN} when {@code labelColumn} is given
 * @param encoding       how the labels become targets
 * @param featureColumns the names of the feature columns, in the order wanted; empty for every column
 *                       except the label
 * @param maxFields      the most fields a record may have (default {@value #DEFAULT_MAX_FIELDS}); a longer
 *                       record is refused as soon as the field after the last allowed one is read
 * @param maxClasses     the most distinct labels a classification column may hold (default
 *                       {@value #DEFAULT_MAX_CLASSES}); refused as soon as one more appears, with the advice to
 *                       read a numeric column as a {@link TargetEncoding#REGRESSION} target instead
 */
public record CsvReadOptions(boolean header, char delimiter, String labelColumn, int labelIndex,
                         TargetEncoding encoding, List<String> featureColumns, int maxFields, int maxClasses) {

    /** The {@code labelIndex} that selects the last column. */
    public static final int LAST_COLUMN = -1;
    /** The default most fields per record. */
    public static final int DEFAULT_MAX_FIELDS = 10_000;
    /** The default most distinct classes of a label column. */
    public static final int DEFAULT_MAX_CLASSES = 1_000;
    /** The most characters one field may hold; a longer one is refused while it is read. */
    public static final int MAX_FIELD_CHARS = 1_000_000;
    /** The most characters one record may hold, all its fields together. */
    public static final int MAX_RECORD_CHARS = 16_000_000;

    /** Validates the options and copies {@code featureColumns}. */
    public CsvReadOptions {
        if (maxFields < 2) {
            throw new InvalidConfigurationException("The most fields per CSV record must be at least 2 (a feature and"
                    + " a label) but was " + maxFields + ": for example maxFields(" + DEFAULT_MAX_FIELDS + ").");
        }
        if (maxClasses < 2) {
            throw new InvalidConfigurationException("The most classes of a CSV label column must be at least 2 but"
                    + " was " + maxClasses + ": for example maxClasses(" + DEFAULT_MAX_CLASSES + ").");
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new InvalidConfigurationException("The CSV delimiter cannot be " + describe(delimiter)
                    + ": it is reserved for quoting or line breaks. Use ',', ';', '\\t' or another character.");
        }
        if (labelIndex < LAST_COLUMN) {
            throw new InvalidConfigurationException("The label column index must be 0 or more (0-based), or"
                    + " CsvReadOptions.LAST_COLUMN, but was " + labelIndex + ".");
        }
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new InvalidConfigurationException("The label column name is blank: give the name of a column"
                    + " in the header, or choose the label column by index.");
        }
        if (labelColumn != null && labelIndex != LAST_COLUMN) {
            throw new InvalidConfigurationException("The label column is given both by name ('" + labelColumn
                    + "') and by index (" + labelIndex + "): give only one of them.");
        }
        Objects.requireNonNull(encoding, "encoding");
        featureColumns = List.copyOf(featureColumns);
        Set<String> seen = new HashSet<>();
        for (String name : featureColumns) {
            if (name.isBlank()) {
                throw new InvalidConfigurationException("A feature column name is blank: list the names of"
                        + " columns in the header.");
            }
            if (!seen.add(name)) {
                throw new InvalidConfigurationException("Feature column '" + name + "' is listed twice: list each"
                        + " feature column once.");
            }
        }
        if (labelColumn != null && seen.contains(labelColumn)) {
            throw new InvalidConfigurationException("Column '" + labelColumn + "' is both the label and a feature:"
                    + " remove it from the feature columns.");
        }
    }

    /** A header line, commas, the last column as a class label, every other column a feature. */
    public static CsvReadOptions defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the label column is chosen by name. */
    public boolean labelByName() {
        return labelColumn != null;
    }

    private static String describe(char c) {
        return switch (c) {
            case '\n' -> "'\\n'";
            case '\r' -> "'\\r'";
            default -> "'" + c + "'";
        };
    }

    /** Builds {@link CsvReadOptions}; each setter returns this builder. Not thread-safe. */
    public static final class Builder {

        private boolean header = true;
        private char delimiter = ',';
        private String labelColumn;
        private int labelIndex = LAST_COLUMN;
        private TargetEncoding encoding = TargetEncoding.ONE_HOT;
        private List<String> featureColumns = List.of();
        private int maxFields = DEFAULT_MAX_FIELDS;
        private int maxClasses = DEFAULT_MAX_CLASSES;

        private Builder() {
        }

        /** Whether the first line names the columns (default {@code true}). */
        public Builder header(boolean value) {
            this.header = value;
            return this;
        }

        /** The field separator (default {@code ','}). */
        public Builder delimiter(char value) {
            this.delimiter = value;
            return this;
        }

        /** Chooses the label column by its header name. */
        public Builder labelColumn(String name) {
            this.labelColumn = Objects.requireNonNull(name, "name");
            this.labelIndex = LAST_COLUMN;
            return this;
        }

        /** Chooses the label column by its 0-based index (default: the last column). */
        public Builder labelColumn(int index) {
            this.labelColumn = null;
            this.labelIndex = index;
            return this;
        }

        /** How labels become targets (default {@link TargetEncoding#ONE_HOT}). */
        public Builder encoding(TargetEncoding value) {
            this.encoding = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Only these columns, in this order, are features (default: every column except the label). */
        public Builder featureColumns(List<String> names) {
            this.featureColumns = List.copyOf(names);
            return this;
        }

        /** Only these columns, in this order, are features (default: every column except the label). */
        public Builder featureColumns(String... names) {
            return featureColumns(List.of(names));
        }

        /** The most fields a record may have (default {@value CsvReadOptions#DEFAULT_MAX_FIELDS}), at least 2. */
        public Builder maxFields(int value) {
            this.maxFields = value;
            return this;
        }

        /**
         * The most distinct classes a label column may hold (default {@value CsvReadOptions#DEFAULT_MAX_CLASSES}),
         * at least 2; a numeric target with many values is read with {@link TargetEncoding#REGRESSION} instead.
         */
        public Builder maxClasses(int value) {
            this.maxClasses = value;
            return this;
        }

        /**
         * The options.
         *
         * @throws InvalidConfigurationException if the settings contradict each other
         */
        public CsvReadOptions build() {
            return new CsvReadOptions(header, delimiter, labelColumn, labelIndex, encoding, featureColumns, maxFields,
                    maxClasses);
        }
    }
}
