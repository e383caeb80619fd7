package dev.backprop.examples.diagram;

/** Java2D without a display: sets {@code java.awt.headless=true} unless the property is already set. */
final class Headless {

    private Headless() {
    }

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
