package dev.backprop.examples.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Aligned columns of text, two spaces apart, that fit a given width: when the natural widths are too
 * wide, the columns named wrappable share what the others leave and their cells wrap at spaces (a
 * word longer than its column is cut). A row of one cell is a heading, printed as it is. Immutable.
 */
public final class TextTable {

    private static final String GAP = "  ";
    private static final int NARROWEST = 10;

    private final List<String[]> rows;

    /** @param rows the rows, the header first; a row of one cell is a heading */
    public TextTable(List<String[]> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * The lines of the table.
     *
     * @param maxWidth  the widest a line may be, or {@link Integer#MAX_VALUE} for no limit
     * @param wrappable the columns (from 0) that may wrap
     */
    public List<String> lines(int maxWidth, Set<Integer> wrappable) {
        int[] widths = widths(maxWidth, wrappable);
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            if (row.length == 1) {
                lines.add(row[0]);
                continue;
            }
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < row.length; c++) {
                List<String> wrapped = wrappable.contains(c) ? wrap(row[c], widths[c]) : List.of(row[c]);
                cells.add(wrapped);
                height = Math.max(height, wrapped.size());
            }
            for (int line = 0; line < height; line++) {
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < row.length; c++) {
                    String cell = line < cells.get(c).size() ? cells.get(c).get(line) : "";
                    text.append(cell);
                    if (c + 1 < row.length) {
                        text.append(" ".repeat(Math.max(0, widths[c] - cell.length()))).append(GAP);
                    }
                }
                lines.add(text.toString().stripTrailing());
            }
        }
        return lines;
    }

    /** The natural widths, the wrappable columns narrowed to fit {@code maxWidth} when they must be. */
    private int[] widths(int maxWidth, Set<Integer> wrappable) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            if (row.length > 1) {
                for (int c = 0; c < row.length; c++) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            }
        }
        int total = GAP.length() * (columns - 1);
        int flexible = 0;
        for (int c = 0; c < columns; c++) {
            total += widths[c];
            flexible += wrappable.contains(c) ? widths[c] : 0;
        }
        if (total <= maxWidth || flexible == 0) {
            return widths;
        }
        int room = Math.max(maxWidth - (total - flexible), NARROWEST * wrappable.size());
        for (int c = 0; c < columns; c++) {
            if (wrappable.contains(c)) {
                widths[c] = Math.max(NARROWEST, Math.min(widths[c], (int) ((long) room * widths[c] / flexible)));
            }
        }
        return widths;
    }

    /** {@code text} in lines of at most {@code width}, broken at spaces, a longer word cut. */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
