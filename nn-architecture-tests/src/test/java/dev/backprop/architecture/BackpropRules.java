package dev.backprop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * Backprop's architecture, stated as ArchUnit rules. {@link BackpropArchitectureTest} checks them
 * against every module; {@link BackpropRulesCatchViolationsTest} shows each one failing on a
 * deliberately bad class, so none of them passes only because it checks nothing.
 *
 * <p>Module boundaries use {@code dependOn} rather than {@code access}: a field type, a parameter,
 * a supertype or an annotation couples a package as surely as a method call does.
 */
final class BackpropRules {

    static final String API = "dev.backprop.api..";
    static final String CORE = "dev.backprop.core..";
    static final String CORE_INTERNAL = "dev.backprop.core.internal..";
    static final String CORE_INJECT = "dev.backprop.core.inject..";
    static final String ACTIVATIONS = "dev.backprop.activations..";
    static final String OPTIMIZERS = "dev.backprop.optimizers..";
    static final String IO = "dev.backprop.io..";
    static final String EXAMPLES = "dev.backprop.examples..";
    static final String TESTKIT = "dev.backprop.testkit..";
    static final String BENCHMARKS = "dev.backprop.benchmarks..";
    /** nn-onnx: ONNX export. */
    static final String ONNX = "dev.backprop.onnx..";

    /** nn-dashboard: the live training dashboard. */
    static final String DASHBOARD = "dev.backprop.dashboard..";
    /** nn-spark: the Spark ML stages. */
    static final String SPARK = "dev.backprop.spark..";
    /** nn-spark-examples: the one app that launches Spark ({@code ./backprop spark-mnist}). */
    static final String SPARK_APP = "dev.backprop.examples.spark..";
    /** The example third-party plugin (module nn-examples-plugin), written as an outsider would. */
    static final String THIRD_PARTY_PLUGIN = "com.example.backprop..";

    // 1. nn-api

    static final ArchRule API_DEPENDS_ONLY_ON_THE_JDK =
            classes().that().resideInAPackage(API)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(API, "java..")
                    .because("plugin authors compile against nn-api alone, so it must not pull in"
                            + " core, a plugin module or any library");

    // 2. plugin modules

    /** Each plugin module may use itself, nn-api, the JDK and SLF4J; not core, and not the other plugin module. */
    static final ArchRule PLUGINS_DEPEND_ONLY_ON_THE_API =
            CompositeArchRule.of(pluginModuleDependsOnlyOnTheApi(ACTIVATIONS))
                    .and(pluginModuleDependsOnlyOnTheApi(OPTIMIZERS))
                    .and(pluginModuleDependsOnlyOnTheApi(THIRD_PARTY_PLUGIN))
                    .because("the built-in plugins are written exactly as a third party would write"
                            + " one: against nn-api (and at most SLF4J), never against core or another plugin module");

    /** nn-plugin-testkit: what a plugin author adds in test scope needs nn-api and JUnit, nothing of ours beyond. */
    static final ArchRule TESTKIT_DEPENDS_ONLY_ON_THE_API_AND_JUNIT =
            classes().that().resideInAPackage(TESTKIT)
                    .should().onlyDependOnClassesThat()
                    .resideInAnyPackage(TESTKIT, API, "java..", "org.junit..", "org.opentest4j..", "org.apiguardian..")
                    .because("a third-party plugin's tests depend on nn-plugin-testkit alone, so the kit must"
                            + " check plugins through nn-api and JUnit, never through core's implementation");

    private static ArchRule pluginModuleDependsOnlyOnTheApi(String pluginPackages) {
        return classes().that().resideInAPackage(pluginPackages)
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(pluginPackages, API, "java..", "org.slf4j..");
    }

    // 3. core and the plugins

    static final ArchRule CORE_NEVER_DEPENDS_ON_PLUGINS =
            noClasses().that().resideInAPackage(CORE)
                    .should().dependOnClassesThat().resideInAnyPackage(ACTIVATIONS, OPTIMIZERS)
                    .because("core finds every activation and optimizer by id through PluginRegistry"
                            + " (ServiceLoader), so built-ins and third-party plugins are interchangeable");

    // 4. the layers: api <- core <- io <- examples; plugins used only by examples

    static final ArchRule LAYERS_ARE_RESPECTED =
            layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.backprop..")
                    // A layer with no classes (a module not yet written, a partial build) passes
                    // instead of failing the rule; it has nothing that could break it.
                    .withOptionalLayers(true)
                    .layer("Api").definedBy(API)
                    .layer("Core").definedBy(CORE)
                    .layer("Plugins").definedBy(ACTIVATIONS, OPTIMIZERS)
                    .layer("Io").definedBy(IO)
                    .layer("Examples").definedBy(EXAMPLES)
                    .layer("Benchmarks").definedBy(BENCHMARKS)
                    .layer("Testkit").definedBy(TESTKIT)
                    .layer("Spark").definedBy(SPARK)
                    .layer("Onnx").definedBy(ONNX)
                    .layer("Dashboard").definedBy(DASHBOARD)
                    // Who may use whom fixes every edge; "may only access" clauses would add nothing but
                    // a second report of each violation. Api is open to all layers.
                    .whereLayer("Core").mayOnlyBeAccessedByLayers("Io", "Examples", "Benchmarks", "Spark", "Onnx",
                            "Dashboard")
                    .whereLayer("Plugins").mayOnlyBeAccessedByLayers("Examples")
                    .whereLayer("Io").mayOnlyBeAccessedByLayers("Examples", "Spark", "Onnx")
                    .whereLayer("Onnx").mayOnlyBeAccessedByLayers("Examples")
                    .whereLayer("Dashboard").mayOnlyBeAccessedByLayers("Examples", "Benchmarks")
                    .whereLayer("Spark").mayOnlyBeAccessedByLayers("Examples")
                    .whereLayer("Examples").mayNotBeAccessedByAnyLayer()
                    .whereLayer("Benchmarks").mayNotBeAccessedByAnyLayer()
                    .whereLayer("Testkit").mayNotBeAccessedByAnyLayer()
                    .because("each module builds only on the ones beneath it (api <- core <- io <- spark, onnx"
                            + " <- examples), and only the example apps choose concrete plugins; benchmarks and the plugin"
                            + " testkit are leaves nobody builds on");

    // 5. Guice

    static final ArchRule GUICE_STAYS_IN_THE_WIRING =
            noClasses().that().resideOutsideOfPackages(CORE_INJECT, EXAMPLES)
                    .should().dependOnClassesThat()
                    .resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
                    .because("domain classes carry no @Inject and must work with plain `new`; Guice"
                            + " wiring lives in dev.backprop.core.inject and the example apps only");

    // 6. core.internal

    /** The one named exception: nn-benchmarks, on the class path, measures the kernels themselves. */
    static final ArchRule CORE_INTERNAL_IS_PRIVATE_TO_CORE =
            noClasses().that().resideOutsideOfPackages(CORE, BENCHMARKS)
                    .should().dependOnClassesThat().resideInAPackage(CORE_INTERNAL)
                    .because("dev.backprop.core.internal (matrix kernels) is not exported except to"
                            + " nn-benchmarks, which measures the kernels themselves, and may change in any release");

    // 7. Spark

    static final ArchRule SPARK_STAYS_IN_NN_SPARK =
            noClasses().that().resideOutsideOfPackages(SPARK, SPARK_APP)
                    .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", SPARK)
                    .because("only nn-spark and the app that launches it (spark-mnist) may touch Spark, so users of"
                            + " nn-core and the other commands never pull Spark in");

    // 8. cycles

    /**
     * One slice per package, so a cycle between two packages of the same module counts too. A
     * one-way chain (core.train -> core.network -> core.loss) is not a cycle and passes.
     */
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("dev.backprop.(**)").namingSlices("package dev.backprop.$1")
                    .should().beFreeOfCycles()
                    .because("packages that depend on each other in a circle cannot be understood,"
                            + " tested or split into modules one at a time");

    // 9. hygiene

    static final ArchRule ONLY_EXAMPLES_PRINT =
            noClasses().that().resideOutsideOfPackage(EXAMPLES)
                    .and().doNotHaveFullyQualifiedName("dev.backprop.core.internal.EssentialWarning")
                    .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                    .because("library code reports through SLF4J so that the application decides where"
                            + " output goes; only the example apps print (the one named exception, core's"
                            + " EssentialWarning, writes to standard error only when no SLF4J provider is bound,"
                            + " where SLF4J would drop the warning)");

    static final ArchRule NO_JAVA_UTIL_LOGGING =
            noClasses().should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
                    .because("Backprop logs through SLF4J only, so users pick one backend for everything");

    static final ArchRule NO_GENERIC_EXCEPTIONS =
            noClasses().should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
                    .because("callers catch BackpropException subtypes (or a precise JDK exception) and"
                            + " every error says what was expected, what was found and how to fix it");

    static final ArchRule STATIC_FIELDS_ARE_FINAL =
            fields().that().areStatic().should().beFinal()
                    .because("Backprop keeps no mutable global state; even its one static cache,"
                            + " PluginRegistry's discovered-plugins holder, is a final field");

    static final ArchRule ONLY_EXAMPLES_USE_LOGBACK =
            noClasses().that().resideOutsideOfPackage(EXAMPLES)
                    .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                    .because("libraries depend on the SLF4J API only; choosing and configuring a"
                            + " backend is the application's job");

    private BackpropRules() {
    }
}
