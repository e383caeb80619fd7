package dev.backprop.core.network;

import dev.backprop.api.BackpropException;
import dev.backprop.core.internal.ComputeTeam;
import java.util.List;

/**
 * An ordered list of phases run over one batch: each phase is handed to the compute team when it is
 * big enough to share ({@link Phase#worthSharing}), else run by the calling thread alone.
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
     * Runs one phase on {@code team}, shared when it is worth it. A failure that is not Backprop's own
     * (a plugin's exception, say) comes out as the phase describes it ({@link Phase#failed}).
     */
    static void run(Phase phase, ComputeTeam team, int rows) {
        try {
            if (team.size() > 1 && phase.worthSharing(rows)) {
                team.run(phase);
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
