package dev.backprop.core.violation;

import java.util.logging.Logger;

/** Fixture, never shipped: logging through java.util.logging instead of SLF4J. */
public final class CoreThatUsesJul {

    private static final Logger LOG = Logger.getLogger(CoreThatUsesJul.class.getName());

    public void report(double loss) {
        LOG.info(() -> "loss " + loss);
    }
}
