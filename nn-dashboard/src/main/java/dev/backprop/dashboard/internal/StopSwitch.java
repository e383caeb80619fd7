package dev.backprop.dashboard.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Stop button's state: pressed once, it stays pressed until the next run begins. Pressing it tells
 * the pages ({@code stopping}); training sees it when the trainer next asks its listeners. Thread-safe.
 */
public final class StopSwitch {

    private final AtomicBoolean pressed = new AtomicBoolean();
    private final Inbox inbox;

    /** @param inbox where the {@code stopping} status goes */
    public StopSwitch(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Asks training to stop (again: no effect). */
    public void press() {
        if (!pressed.getAndSet(true)) {
            inbox.post(new Message.StatusChanged("stopping", "Stop requested: training ends when the trainer next"
                    + " asks its listeners (after the batch or the epoch), and the checkpoint listeners save it."));
        }
    }

    /** Whether stopping was asked for since the run began. */
    public boolean pressed() {
        return pressed.get();
    }

    /** A new run begins: releases the switch. */
    public void release() {
        pressed.set(false);
    }
}
