package dev.backprop.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.network.GradientClipping;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Thread counts above the machine's limit are refused where a user sets them and clamped where a file saved them. */
class ThreadLimitTest {

    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    private final Logger log = (Logger) LoggerFactory.getLogger(TrainingSettings.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void listen() {
        events.start();
        log.addAppender(events);
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(events);
    }

    @Test
    void maxThreads_isFourPerProcessor_butNeverBelowEight() {
        assertEquals(Math.max(8, 4 * PROCESSORS), TrainingSettings.maxThreads());
    }

    @Test
    void builder_aHundredThousandThreads_isRefusedSayingTheLimitAndTheFix() {
        TrainingSettings.Builder builder = TrainingSettings.builder().threads(100_000);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, builder::build);
        int limit = TrainingSettings.maxThreads();
        assertEquals("Asked for 100000 threads per step but this machine allows at most " + limit + " (4 per available"
                + " processor, " + PROCESSORS + " here, and at least 8): use at most " + limit + ", usually "
                + PROCESSORS + " (one per processor); the results are the same for any count.", e.getMessage());
    }

    @Test
    void constructor_aMillionThreads_isRefused() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new TrainingSettings(1, 1, false, 1, 1_000_000, LearningRateSchedule.constant(),
                        GradientClipping.none()));
        assertTrue(e.getMessage().startsWith("Asked for 1000000 threads per step"), e.getMessage());
    }

    @Test
    void builder_theLimitItself_isAccepted() {
        int limit = TrainingSettings.maxThreads();
        assertEquals(limit, TrainingSettings.builder().threads(limit).build().threads());
    }

    @Test
    void threadsCappedForThisMachine_clampsASavedCountAndWarns() {
        int limit = TrainingSettings.maxThreads();
        assertEquals(limit, TrainingSettings.threadsCappedForThisMachine(Integer.MAX_VALUE));
        List<ILoggingEvent> warnings = events.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertEquals(1, warnings.size());
        assertEquals("Using " + limit + " threads per step instead of the 2147483647 saved: this machine allows at"
                + " most " + limit + " (" + PROCESSORS + " available processors); the results are the same for any"
                + " count.", warnings.get(0).getFormattedMessage());
    }

    @Test
    void threadsCappedForThisMachine_leavesAllowedCountsAlone_withoutWarning() {
        assertEquals(1, TrainingSettings.threadsCappedForThisMachine(1));
        assertEquals(0, TrainingSettings.threadsCappedForThisMachine(0), "left for the validation to refuse");
        assertTrue(events.list.isEmpty(), events.list.toString());
    }

    @Test
    void builder_threadsCappedForThisMachine_buildsWithTheLimit() {
        TrainingSettings settings = TrainingSettings.builder().threadsCappedForThisMachine(64_000).build();
        assertEquals(TrainingSettings.maxThreads(), settings.threads());
    }

    @Test
    void builder_defaultThreads_areTheProcessorsWithinTheLimit() {
        assertEquals(Math.min(PROCESSORS, TrainingSettings.maxThreads()), TrainingSettings.builder().build().threads());
    }
}
