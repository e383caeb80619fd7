package dev.backprop.core.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the candidate a misspelt word most likely meant, preferring the obvious:
 * <ol>
 *   <li>the word itself, or a <em>prefix match</em>: the word starts with the candidate or the
 *       candidate with the word, sharing at least {@value #PREFIX_LENGTH} letters ({@code relux} meant
 *       {@code relu}, not {@code relu6}; {@code adamm} meant {@code adam}, not {@code adamw};
 *       {@code leaky} meant {@code leaky_relu});</li>
 *   <li>then a <em>single edit</em>: one letter inserted, deleted, replaced, or two neighbouring letters
 *       swapped (optimal string alignment, so {@code rleu} is one edit from {@code relu});</li>
 *   <li>then the rest, by edit distance.</li>
 * </ol>
 * Within a rank the smaller edit distance wins, then the candidate whose length is closest to the
 * word's, then the earlier candidate. A candidate that is no prefix match is suggested only when it
 * lies within half the word's length (at least 2 edits) of it, so that a word unlike every candidate
 * gets no suggestion rather than a strange one.
 *
 * <p>The one "did you mean" helper of Backprop: unknown plugin ids, config-file keys and CSV column
 * names all use it. Stateless and thread-safe.
 */
public final class ClosestMatch {

    /** The fewest letters a word and a candidate must share for one to count as the other's prefix. */
    static final int PREFIX_LENGTH = 3;

    /** How obvious a candidate is for a word: prefix matches first, then single edits, then the rest. */
    private enum Rank { PREFIX, SINGLE_EDIT, OTHER }

    private ClosestMatch() {
    }

    /**
     * The most likely candidate (a prefix match, else a single edit, else the nearest), if one is a
     * prefix match or within half the word's length (at least 2 edits) of the word.
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
        int limit = Math.max(2, word.length() / 2);
        String best = null;
        Rank bestRank = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String compared = ignoreCase ? candidate.toLowerCase(Locale.ROOT) : candidate;
            int d = editDistance(wanted, compared);
            Rank rank = isPrefixMatch(wanted, compared) ? Rank.PREFIX : d == 1 ? Rank.SINGLE_EDIT : Rank.OTHER;
            if (rank == Rank.OTHER && d > limit) {
                continue;
            }
            if (best == null || isBetter(rank, d, candidate, bestRank, bestDistance, best, word.length())) {
                best = candidate;
                bestRank = rank;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether the two are equal, or one starts with the other and the shorter has at least
     * {@value #PREFIX_LENGTH} letters.
     */
    private static boolean isPrefixMatch(String word, String candidate) {
        return word.equals(candidate) || Math.min(word.length(), candidate.length()) >= PREFIX_LENGTH
                && (word.startsWith(candidate) || candidate.startsWith(word));
    }

    /** Better rank, then smaller distance, then a length closer to the word's; a full tie keeps the earlier. */
    private static boolean isBetter(Rank rank, int distance, String candidate, Rank bestRank, int bestDistance,
                                    String best, int wordLength) {
        if (rank != bestRank) {
            return rank.compareTo(bestRank) < 0;
        }
        if (distance != bestDistance) {
            return distance < bestDistance;
        }
        return Math.abs(candidate.length() - wordLength) < Math.abs(best.length() - wordLength);
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
