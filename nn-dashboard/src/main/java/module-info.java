/**
 * Backprop's live training dashboard: a {@link dev.backprop.dashboard.DashboardListener} hands a run's
 * metrics to a {@link dev.backprop.dashboard.Dashboard}, an embedded HTTP server on the loopback
 * interface that streams them to a page in the browser (server-sent events, uPlot charts).
 */
module dev.backprop.dashboard {
    requires transitive dev.backprop.core;
    requires jdk.httpserver;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    // uPlot's webjar (org.webjars.npm:uplot) is read as resources through the class loader, not required: it has
    // no module name of its own. On the module path, resolve it with --add-modules uplot.

    exports dev.backprop.dashboard;

    // Jackson writes the records the page reads.
    opens dev.backprop.dashboard.internal to com.fasterxml.jackson.databind;
}
