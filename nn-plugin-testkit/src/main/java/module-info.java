/**
 * Contract tests for Backprop plugins: abstract JUnit 5 classes that a plugin author extends in test
 * scope, supplying the instance under test. Requires JUnit transitively so that subclasses compile
 * against the annotations the kit exposes.
 */
module dev.backprop.testkit {
    requires transitive dev.backprop.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;

    exports dev.backprop.testkit;

    // JUnit invokes the inherited test methods reflectively when tests run on the module path.
    opens dev.backprop.testkit to org.junit.platform.commons;
}
