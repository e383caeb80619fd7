package dev.backprop.core.network;

import dev.backprop.api.BackpropException;
import dev.backprop.core.internal.ComputeTeam;
import java.util.List;

/**
 * An ordered list of phases run over one batch: each phase is cut into as many shares as its work
 * pays for ({@link Phase#shares}) and handed to the compute team, or run by the calling thread alone
 * when one share is all it is worth.
 */
final class Pass {

    private final List<Phase> phases;
    private final ComputeTeam team;
    private final Batch batch;

    Pass(List<Phase> phases, ComputeTeam team, Batch batch) {
        this.phases = List.copyOf(phases);
        this.team = team;
        this.batch = batch;
    }

    /** Runs every phase in order over the current batch. */
    void run() {
        for (int i = 0; i < phases.size(); i++) {
            run(phases.get(i), team, batch.rows());
        }
    }

    /**
     * Runs one phase on {@code team}, in as many shares as it is worth. A failure that is not Backprop's own
     * (a plugin's exception, say) comes out as the phase describes it ({@link Phase#failed}).
     */
    static void run(Phase phase, ComputeTeam team, int rows) {
        try {
            int shares = team.size() == 1 ? 1 : phase.shares(rows, team.size());
            if (shares > 1) {
                team.run(phase, shares);
            } else {
                phase.run(0, 1);
            }
        } catch (BackpropException own) {
            throw own;
        } catch (RuntimeException failure) {
            throw phase.failed(failure);
        }
    }
}
