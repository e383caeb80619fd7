package dev.backprop.architecture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.example.backprop.plugin.Swish;
import com.example.backprop.violation.ThirdPartyPluginThatUsesTheRegistry;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.backprop.activations.Relu;
import dev.backprop.activations.violation.PluginThatUsesTheRegistry;
import dev.backprop.api.PluginId;
import dev.backprop.api.violation.ApiThatKnowsTheNetwork;
import dev.backprop.benchmarks.LayerProductsBenchmark;
import dev.backprop.core.network.Network;
import dev.backprop.core.violation.CoreThatInjects;
import dev.backprop.core.violation.CoreThatNamesAPlugin;
import dev.backprop.core.violation.CoreThatPrints;
import dev.backprop.core.violation.CoreThatThrowsGenerically;
import dev.backprop.core.violation.CoreThatUsesJul;
import dev.backprop.core.violation.CoreThatUsesLogback;
import dev.backprop.core.violation.CoreWithMutableStaticState;
import dev.backprop.examples.violation.ExampleThatTrainsOnSpark;
import dev.backprop.io.violation.IoThatStartsSpark;
import dev.backprop.io.violation.IoThatUsesCoreInternals;
import dev.backprop.io.violation.chicken.Chicken;
import dev.backprop.io.violation.egg.Egg;
import dev.backprop.optimizers.Adam;
import dev.backprop.optimizers.violation.OptimizerThatUsesAnActivation;
import dev.backprop.testkit.ActivationContract;
import dev.backprop.testkit.violation.TestkitThatBuildsANetwork;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows that every rule in {@link BackpropRules} can fail: the deliberately bad classes in this
 * module's {@code ..violation..} test packages are imported together with the production classes,
 * and each rule must then reject its fixture, name it, and give its reason.
 */
class BackpropRulesCatchViolationsTest {

    private static final ImportOption PRODUCTION = new ImportOption.DoNotIncludeTests();

    private static JavaClasses productionAndFixtures;

    @BeforeAll
    static void importProductionAndFixtures() {
        productionAndFixtures = new ClassFileImporter()
                .withImportOption(location -> PRODUCTION.includes(location) || location.contains("/violation/"))
                .importPackages("dev.backprop", "com.example.backprop");
    }

    static Stream<Arguments> rulesAndTheFixturesThatBreakThem() {
        return Stream.of(
                arguments(named("api_depends_only_on_the_jdk", BackpropRules.API_DEPENDS_ONLY_ON_THE_JDK),
                        List.of(ApiThatKnowsTheNetwork.class)),
                arguments(named("plugins_depend_only_on_the_api", BackpropRules.PLUGINS_DEPEND_ONLY_ON_THE_API),
                        List.of(PluginThatUsesTheRegistry.class, OptimizerThatUsesAnActivation.class,
                                ThirdPartyPluginThatUsesTheRegistry.class)),
                arguments(named("testkit_depends_only_on_the_api_and_junit",
                                BackpropRules.TESTKIT_DEPENDS_ONLY_ON_THE_API_AND_JUNIT),
                        List.of(TestkitThatBuildsANetwork.class)),
                arguments(named("core_never_depends_on_plugins", BackpropRules.CORE_NEVER_DEPENDS_ON_PLUGINS),
                        List.of(CoreThatNamesAPlugin.class)),
                arguments(named("layers_are_respected", BackpropRules.LAYERS_ARE_RESPECTED),
                        List.of(ApiThatKnowsTheNetwork.class, PluginThatUsesTheRegistry.class,
                                CoreThatNamesAPlugin.class, TestkitThatBuildsANetwork.class)),
                arguments(named("guice_stays_in_the_wiring", BackpropRules.GUICE_STAYS_IN_THE_WIRING),
                        List.of(CoreThatInjects.class)),
                arguments(named("core_internal_is_private_to_core", BackpropRules.CORE_INTERNAL_IS_PRIVATE_TO_CORE),
                        List.of(IoThatUsesCoreInternals.class)),
                arguments(named("spark_stays_in_nn_spark", BackpropRules.SPARK_STAYS_IN_NN_SPARK),
                        List.of(IoThatStartsSpark.class, ExampleThatTrainsOnSpark.class)),
                arguments(named("no_package_cycles", BackpropRules.NO_PACKAGE_CYCLES),
                        List.of(Chicken.class, Egg.class)),
                arguments(named("only_examples_print", BackpropRules.ONLY_EXAMPLES_PRINT),
                        List.of(CoreThatPrints.class)),
                arguments(named("no_java_util_logging", BackpropRules.NO_JAVA_UTIL_LOGGING),
                        List.of(CoreThatUsesJul.class)),
                arguments(named("no_generic_exceptions", BackpropRules.NO_GENERIC_EXCEPTIONS),
                        List.of(CoreThatThrowsGenerically.class)),
                arguments(named("static_fields_are_final", BackpropRules.STATIC_FIELDS_ARE_FINAL),
                        List.of(CoreWithMutableStaticState.class)),
                arguments(named("only_examples_use_logback", BackpropRules.ONLY_EXAMPLES_USE_LOGBACK),
                        List.of(CoreThatUsesLogback.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheFixturesThatBreakThem")
    void rule_rejectsItsFixture_namingTheClassAndTheReason(ArchRule rule, List<Class<?>> fixtures) {
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(productionAndFixtures),
                () -> "expected the rule to reject " + fixtures + ": " + rule.getDescription());

        String message = failure.getMessage();
        String reason = reasonOf(rule);
        assertAll(Stream.concat(
                Stream.of(() -> assertTrue(message.contains(reason),
                        () -> "failure should give the reason '" + reason + "' but was:\n" + message)),
                fixtures.stream().map(fixture -> () -> assertTrue(message.contains(fixture.getName()),
                        () -> "failure should name " + fixture.getName() + " but was:\n" + message))));
    }

    private static String reasonOf(ArchRule rule) {
        String description = rule.getDescription();
        int because = description.lastIndexOf(", because ");
        assertTrue(because >= 0, () -> "rule has no because(...): " + description);
        return description.substring(because + ", because ".length());
    }

    /** The import {@link BackpropArchitectureTest} uses: production classes of every module, no fixtures. */
    @Test
    void productionImport_leavesOutTestClasses_includingTheFixtures() {
        JavaClasses production = new ClassFileImporter().withImportOption(PRODUCTION)
                .importPackages("dev.backprop", "com.example.backprop");

        List<String> leaked = production.stream()
                .map(JavaClass::getName)
                .filter(name -> name.contains(".violation.") || name.startsWith("dev.backprop.architecture."))
                .toList();
        assertTrue(leaked.isEmpty(), () -> "test classes leaked into the production import: " + leaked);
        assertAll(Stream.of(PluginId.class, Network.class, Relu.class, Adam.class, Swish.class,
                        ActivationContract.class, LayerProductsBenchmark.class)
                .map(type -> () -> assertTrue(production.contain(type),
                        () -> type.getName() + " missing from the production import")));
    }
}
