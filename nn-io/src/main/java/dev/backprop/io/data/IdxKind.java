package dev.backprop.io.data;

/** The two kinds of IDX file the MNIST family uses, with the magic number each starts with. */
enum IdxKind {

    /** Unsigned bytes in three dimensions: count, rows, columns. */
    IMAGES(0x00000803, "image", "images", "count, rows, columns", "train-images-idx3-ubyte.gz"),
    /** Unsigned bytes in one dimension: count. */
    LABELS(0x00000801, "label", "labels", "count", "train-labels-idx1-ubyte.gz");

    private final int magic;
    private final String noun;
    private final String plural;
    private final String dimensionNames;
    private final String example;

    IdxKind(int magic, String noun, String plural, String dimensionNames, String example) {
        this.magic = magic;
        this.noun = noun;
        this.plural = plural;
        this.dimensionNames = dimensionNames;
        this.example = example;
    }

    int magic() {
        return magic;
    }

    /** The number of dimensions, the magic number's last byte. */
    int dimensions() {
        return magic & 0xff;
    }

    /** "image" or "label". */
    String noun() {
        return noun;
    }

    /** "images" or "labels". */
    String plural() {
        return plural;
    }

    /** The magic and its meaning, as messages quote it. */
    String describeMagic() {
        return String.format("0x%08x (unsigned bytes in %d dimension%s: %s)", magic, dimensions(),
                dimensions() == 1 ? "" : "s", dimensionNames);
    }

    /** A typical file name of this kind, for advice. */
    String example() {
        return example;
    }

    /** The other kind, whose file is easily passed by mistake. */
    IdxKind other() {
        return this == IMAGES ? LABELS : IMAGES;
    }
}
