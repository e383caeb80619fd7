package dev.backprop.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's files, read once from the class path: the page, its script and style from this module,
 * and uPlot's script and style from its webjar ({@code org.webjars.npm:uplot}, whose version the build
 * writes into {@code uplot.properties}). Nothing is fetched from elsewhere.
 */
public final class StaticFiles {

    /**
     * A file to serve.
     *
     * @param contentType its media type
     * @param bytes       its content
     */
    public record File(String contentType, byte[] bytes) {
    }

    private static final String WEB = "/dev/backprop/dashboard/web/";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";

    private final Map<String, File> files;

    private StaticFiles(Map<String, File> files) {
        this.files = Map.copyOf(files);
    }

    /**
     * Reads every file.
     *
     * @throws IllegalStateException naming the missing file and the jar it belongs to
     */
    public static StaticFiles load() {
        // Another jar's file: through the class loader, which also finds it when both are named modules
        // (META-INF is no package, so no module encapsulates it); Class.getResource looks in this module only.
        String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        Map<String, File> files = new LinkedHashMap<>();
        files.put("/", read(WEB + "index.html", "text/html; charset=utf-8", "nn-dashboard"));
        files.put("/dashboard.js", read(WEB + "dashboard.js", JS, "nn-dashboard"));
        files.put("/dashboard.css", read(WEB + "dashboard.css", CSS, "nn-dashboard"));
        files.put("/uplot/uPlot.iife.min.js", read(uplot + "uPlot.iife.min.js", JS, "org.webjars.npm:uplot"));
        files.put("/uplot/uPlot.min.css", read(uplot + "uPlot.min.css", CSS, "org.webjars.npm:uplot"));
        return new StaticFiles(files);
    }

    /** The file served at {@code path}, if any. */
    public Optional<File> at(String path) {
        return Optional.ofNullable(files.get(path));
    }

    private static String uplotVersion() {
        Properties properties = new Properties();
        try (InputStream in = StaticFiles.class.getResourceAsStream("uplot.properties")) {
            if (in == null) {
                throw new IllegalStateException("The dashboard's uplot.properties is missing from its jar: rebuild"
                        + " nn-dashboard with Maven (it writes the uPlot version there).");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the dashboard's uplot.properties: " + e.getMessage(), e);
        }
        return properties.getProperty("uplot.version");
    }

    private static File read(String resource, String contentType, String jar) {
        try (InputStream in = resource.startsWith("/") ? StaticFiles.class.getResourceAsStream(resource)
                : StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard cannot find " + resource + " on the class path: it"
                        + " comes from " + jar + ", which must be on the class path beside nn-dashboard (on the module"
                        + " path, also pass --add-modules uplot).");
            }
            return new File(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource + " from " + jar + ": " + e.getMessage(), e);
        }
    }
}
