package com.example.acme;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.api.loss.ElementwiseLoss;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.testkit.ActivationContract;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.OptimizerContract;
import dev.backprop.testkit.RowFunctionContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * Deliberately wrong plugins: every derivative check's failure names the plugin, the input, the
 * analytic derivative and the finite-difference estimate by name, with their values; the other checks
 * name the plugin too.
 */
class FailureMessagesTest {

    /** x², with the derivative 3x instead of 2x. */
    static final class WrongSquare implements ScalarActivation {
        @Override
        public PluginId id() {
            return PluginId.of("acme.wrong_square");
        }

        @Override
        public double value(double x) {
            return x * x;
        }

        @Override
        public double derivative(double x, double y) {
            return 3 * x;
        }
    }

    /** Squared error whose gradient forgot the factor 2 (and the mean's 1/n stays right). */
    static final class HalfGradientSquaredError implements ElementwiseLoss {
        @Override
        public PluginId id() {
            return PluginId.of("acme.half_gradient");
        }

        @Override
        public double value(double predicted, double target) {
            return (predicted - target) * (predicted - target);
        }

        @Override
        public double derivative(double predicted, double target) {
            return predicted - target;
        }
    }

    /** Climbs instead of descending. */
    static final class Climber implements Optimizer {
        @Override
        public PluginId id() {
            return PluginId.of("acme.climber");
        }

        @Override
        public Hyperparameters hyperparameters() {
            return Hyperparameters.of(LEARNING_RATE, 0.05);
        }

        @Override
        public Optimizer withHyperparameters(Hyperparameters requested) {
            requested.requireKnownNames(id(), hyperparameters().names());
            return this;
        }

        @Override
        public int stateSlots() {
            return 0;
        }

        @Override
        public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
            for (int i = from; i < to; i++) {
                parameter[i] += 0.05f * gradient[i];
            }
        }
    }

    private final ActivationContract square = new ActivationContract() {
        @Override
        protected Activation instance() {
            return new WrongSquare();
        }
    };

    @Test
    void scalarDerivative_namesPluginInputAnalyticAndFiniteDifferenceValues() {
        String message = failure(square::derivative_matchesCentralDifferenceOfValue);
        double x = -6 + 0.01;   // the first point of the grid, sampleMin() + 0.01
        double h = 1e-5;
        double estimate = (x + h) * (x + h) - (x - h) * (x - h);
        assertContains(message, "acme.wrong_square: derivative(x, value(x)) at input x = " + x,
                "analytic derivative = " + 3 * x, "finite-difference estimate = " + estimate / (2 * h),
                "more than the");
    }

    @Test
    void bulkBackward_namesPluginInputAnalyticAndFiniteDifferenceValues() {
        String message = failure(square::backward_matchesCentralDifferencesOfForward);
        assertContains(message, "acme.wrong_square: bulk backward at input z = ", "gradOut = ",
                "analytic derivative = ", "finite-difference estimate = ");
        double z = Double.parseDouble(between(message, "at input z = ", " (index"));
        double analytic = Double.parseDouble(between(message, "analytic derivative = ", ", finite"));
        double estimate = Double.parseDouble(between(message, "finite-difference estimate = ", " (they"));
        assertTrue(Math.abs(analytic - 3 * z) < 1e-3 * Math.abs(z), "the analytic value is 3z: " + message);
        assertTrue(Math.abs(estimate - 2 * z) < 1e-3 * Math.max(1, Math.abs(z)),
                "the estimate is about 2z: " + message);
    }

    @Test
    void tailAccuracy_namesTheAnalyticDerivativeAndTheEstimate() {
        String message = failure(square::float32_matchesTheFloat64DefinitionInTheTails);
        assertContains(message, "acme.wrong_square: the float32 passes", "backward at x=", ": analytic derivative = ",
                "finite-difference estimate (five-point, of value(double)) = ");
    }

    @Test
    void lossGradient_namesPluginInputTargetAnalyticAndFiniteDifferenceValues() {
        LossContract contract = new LossContract() {
            @Override
            protected Loss instance() {
                return new HalfGradientSquaredError();
            }
        };
        String message = failure(() -> contract.gradient_matchesCentralDifferencesOfEvaluate(
                new org.junit.jupiter.api.RepetitionInfo() {
                    @Override
                    public int getCurrentRepetition() {
                        return 1;
                    }

                    @Override
                    public int getTotalRepetitions() {
                        return 3;
                    }

                    @Override
                    public int getFailureCount() {
                        return 0;
                    }

                    @Override
                    public int getFailureThreshold() {
                        return Integer.MAX_VALUE;
                    }
                }));
        assertContains(message, "acme.half_gradient: ∂E/∂predicted[0] (row 0, column 0) at input predicted = ",
                ", target = ", ": analytic derivative = ", ", finite-difference estimate = ");
        double analytic = Double.parseDouble(between(message, "analytic derivative = ", ", finite"));
        double estimate = Double.parseDouble(between(message, "finite-difference estimate = ", " (they"));
        assertTrue(Math.abs(estimate - 2 * analytic) < 1e-3, "the estimate is twice the halved gradient: " + message);
    }

    @Test
    void rowFunctionGradient_namesTheFunctionInputAndBothValues() {
        RowFunctionContract contract = new RowFunctionContract() {
            @Override
            protected RowFunction function() {
                return new RowFunction() {
                    @Override
                    public void forward(float[] z, float[] a, int rowFrom, int rowTo, int width) {
                        for (int i = rowFrom * width; i < rowTo * width; i++) {
                            a[i] = 2 * z[i];
                        }
                    }

                    @Override
                    public void backward(float[] z, float[] a, float[] gradA, float[] gradZ, int rowFrom, int rowTo,
                                         int width) {
                        for (int i = rowFrom * width; i < rowTo * width; i++) {
                            gradZ[i] = gradA[i];   // forgets the 2
                        }
                    }
                };
            }

            @Override
            protected String name() {
                return "acme.doubler";
            }
        };
        String message = failure(contract::backward_matchesCentralDifferencesOfTheWeightedOutput);
        assertContains(message, "acme.doubler: ∂(Σ gradA·f(z))/∂z[0] (row 0) at input z = ",
                ": analytic derivative = ", ", finite-difference estimate = ");
    }

    @Test
    void otherChecks_nameThePluginToo() {
        OptimizerContract climbing = new OptimizerContract() {
            @Override
            protected Optimizer instance() {
                return new Climber();
            }
        };
        assertContains(failure(climbing::update_descendsAQuadraticBowl),
                "acme.climber: on ½‖w‖² from w = [3, -2, 0.5], the loss went from 6.625 to ");
    }

    private static String failure(Executable check) {
        return assertThrows(AssertionFailedError.class, check).getMessage();
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before) + before.length();
        return text.substring(start, text.indexOf(after, start));
    }

    private static void assertContains(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
        }
    }
}
