package dev.backprop.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Checks {@link BackpropRules} against the production classes of every module, the plugin testkit,
 * the example third-party plugin and the benchmarks included. Test classes,
 * including this module's deliberately bad fixtures, are left out of the import.
 */
@AnalyzeClasses(packages = {"dev.backprop", "com.example.backprop"}, importOptions = ImportOption.DoNotIncludeTests.class)
class BackpropArchitectureTest {

    @ArchTest
    static final ArchRule api_depends_only_on_the_jdk = BackpropRules.API_DEPENDS_ONLY_ON_THE_JDK;

    @ArchTest
    static final ArchRule plugins_depend_only_on_the_api = BackpropRules.PLUGINS_DEPEND_ONLY_ON_THE_API;

    @ArchTest
    static final ArchRule testkit_depends_only_on_the_api_and_junit = BackpropRules.TESTKIT_DEPENDS_ONLY_ON_THE_API_AND_JUNIT;

    @ArchTest
    static final ArchRule core_never_depends_on_plugins = BackpropRules.CORE_NEVER_DEPENDS_ON_PLUGINS;

    @ArchTest
    static final ArchRule layers_are_respected = BackpropRules.LAYERS_ARE_RESPECTED;

    @ArchTest
    static final ArchRule guice_stays_in_the_wiring = BackpropRules.GUICE_STAYS_IN_THE_WIRING;

    @ArchTest
    static final ArchRule core_internal_is_private_to_core = BackpropRules.CORE_INTERNAL_IS_PRIVATE_TO_CORE;

    @ArchTest
    static final ArchRule spark_stays_in_nn_spark = BackpropRules.SPARK_STAYS_IN_NN_SPARK;

    @ArchTest
    static final ArchRule no_package_cycles = BackpropRules.NO_PACKAGE_CYCLES;

    @ArchTest
    static final ArchRule only_examples_print = BackpropRules.ONLY_EXAMPLES_PRINT;

    @ArchTest
    static final ArchRule no_java_util_logging = BackpropRules.NO_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_generic_exceptions = BackpropRules.NO_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule static_fields_are_final = BackpropRules.STATIC_FIELDS_ARE_FINAL;

    @ArchTest
    static final ArchRule only_examples_use_logback = BackpropRules.ONLY_EXAMPLES_USE_LOGBACK;
}
