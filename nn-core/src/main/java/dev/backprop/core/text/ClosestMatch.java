package dev.backprop.core.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the candidate nearest to a misspelt word by edit distance, counting a swap of two neighbouring
 * letters as one edit (optimal string alignment), so that {@code rleu} is one edit from {@code relu}.
 * Ties go to the candidate whose length is closest to the word's, then to the earlier candidate. A
 * candidate is suggested only when it lies within half the word's length (at least 2 edits) of it, so
 * that a word unlike every candidate gets no suggestion rather than a strange one.
 *
 * <p>The one "did you mean" helper of Backprop: unknown plugin ids, config-file keys and CSV column
 * names all use it. Stateless and thread-safe.
 */
public final class ClosestMatch {

    private ClosestMatch() {
    }

    /**
     * The nearest candidate, if one is within half the word's length (at least 2 edits) of it.
     *
     * @param word       the word as written, such as an unknown id or key
     * @param candidates the accepted words, in the order ties should be broken
     */
    public static Optional<String> among(String word, Collection<String> candidates) {
        return nearest(word, candidates, false);
    }

    /** {@code " Did you mean 'x'?"} for the candidate {@link #among} finds, else {@code ""}: ready to append to a message. */
    public static String suggestion(String word, Collection<String> candidates) {
        return hint(among(word, candidates));
    }

    /** As {@link #suggestion}, comparing without regard to case ({@link #amongIgnoringCase}). */
    public static String suggestionIgnoringCase(String word, Collection<String> candidates) {
        return hint(amongIgnoringCase(word, candidates));
    }

    private static String hint(Optional<String> closest) {
        return closest.map(c -> " Did you mean '" + c + "'?").orElse("");
    }

    /**
     * As {@link #among}, comparing without regard to case ({@code Species} is 0 edits from
     * {@code species}); the candidate is returned as given.
     */
    public static Optional<String> amongIgnoringCase(String word, Collection<String> candidates) {
        return nearest(word, candidates, true);
    }

    private static Optional<String> nearest(String word, Collection<String> candidates, boolean ignoreCase) {
        String wanted = ignoreCase ? word.toLowerCase(Locale.ROOT) : word;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(wanted, ignoreCase ? candidate.toLowerCase(Locale.ROOT) : candidate);
            boolean tieButCloserLength = d == bestDistance && best != null
                    && Math.abs(candidate.length() - word.length()) < Math.abs(best.length() - word.length());
            if (d < bestDistance || tieButCloserLength) {
                best = candidate;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, word.length() / 2);
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * Insertions, deletions, substitutions and swaps of neighbouring letters needed to turn {@code a}
     * into {@code b} (case-sensitive).
     */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
