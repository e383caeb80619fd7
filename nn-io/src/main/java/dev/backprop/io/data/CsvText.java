package dev.backprop.io.data;

import java.util.List;

/**
 * Short quotes of CSV content for messages, so that one error line stays readable (under about 300
 * characters) whatever the file holds: a value is cut after {@value #MAX_QUOTED} characters, a list
 * after a few entries.
 */
final class CsvText {

    /** The most characters of one value a message quotes. */
    static final int MAX_QUOTED = 40;
    /** The most characters of a list of values a message quotes. */
    static final int MAX_LIST = 120;

    private CsvText() {
    }

    /** {@code value}, cut to its first {@value #MAX_QUOTED} characters followed by "…" when longer. */
    static String quote(String value) {
        return quote(value, MAX_QUOTED);
    }

    /** {@code value}, cut to its first {@code max} characters followed by "…" when longer. */
    static String quote(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max) + "…";
    }

    /** {@code [a, b, …]}: the values, each quoted, cut after about {@value #MAX_LIST} characters. */
    static String list(List<String> values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            String next = (i == 0 ? "" : ", ") + quote(values.get(i));
            if (text.length() + next.length() > MAX_LIST) {
                text.append(i == 0 ? "" : ", ").append("… ").append(values.size() - i).append(" more");
                break;
            }
            text.append(next);
        }
        return text.append(']').toString();
    }
}
