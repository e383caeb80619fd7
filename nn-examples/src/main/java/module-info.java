/** Backprop's runnable example apps and their command line. */
module dev.backprop.examples {
    requires dev.backprop.core;
    requires dev.backprop.io;
    requires dev.backprop.onnx;
    requires dev.backprop.dashboard;
    requires com.google.guice;
    requires info.picocli;
    requires org.slf4j;
    requires java.management;
    requires java.desktop;
    requires me.tongfei.progressbar;
    requires org.jfree.jfreechart;
    requires org.jfree.svg;

    // picocli reads the options and Guice builds the commands (GuiceFactory) by reflection.
    opens dev.backprop.examples to info.picocli, com.google.guice;
    opens dev.backprop.examples.inject to com.google.guice;
    opens dev.backprop.examples.options to info.picocli, com.google.guice;
    opens dev.backprop.examples.iris to info.picocli, com.google.guice;
    opens dev.backprop.examples.mnist to info.picocli, com.google.guice;
    opens dev.backprop.examples.sine to info.picocli, com.google.guice;
    opens dev.backprop.examples.xor to info.picocli, com.google.guice;
    opens dev.backprop.examples.bench to info.picocli, com.google.guice;
    opens dev.backprop.examples.plugins to info.picocli, com.google.guice;
    opens dev.backprop.examples.diagram to info.picocli, com.google.guice;
    opens dev.backprop.examples.onnx to info.picocli, com.google.guice;
    opens dev.backprop.examples.dashboard to info.picocli, com.google.guice;
}
