package dev.backprop.io.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every code block of {@code docs/embedding.md}, and of README's "Use it from code" section, is code that
 * the build compiles and runs: a block preceded by {@code <!-- file: PATH -->} must equal that file
 * (from its {@code // doc:begin} line, when it has one), and one preceded by
 * {@code <!-- file: PATH#NAME -->} the lines between {@code // doc:NAME} and {@code // end:NAME},
 * de-indented; marker lines never show. Every Java block needs a marker. A Maven block without one is a
 * pom for readers to copy: the version of each Backprop artifact, JUnit, SLF4J, Logback and Maven
 * plugin in it must be the one this build uses.
 */
class DocSnippetsTest {

    /** The checkout's root (the tests run in the module's folder). */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MARKER = Pattern.compile("<!-- file: ([^#\\s]+)(?:#(\\w+))? -->");
    private static final Pattern REGION_LINE = Pattern.compile("\\s*// (doc|end):\\w+\\s*");
    /** An artifact and the version given after it (comments may come between), before the next artifact. */
    private static final Pattern ARTIFACT_VERSION = Pattern.compile(
            "<artifactId>([^<]+)</artifactId>((?:(?!<artifactId>).)*?)<version>([^<]+)</version>", Pattern.DOTALL);

    /** A fenced block: its language, its text, the line it starts on and the marker before it (or null). */
    private record Block(String language, String text, int line, Matcher marker) {
    }

    @Test
    void embeddingGuide_showsOnlyCompiledCode() throws IOException {
        List<Block> blocks = blocks(Files.readString(ROOT.resolve("docs/embedding.md")));
        assertTrue(blocks.stream().filter(b -> b.marker() != null).count() >= 10, "the guide's checked snippets");
        check("docs/embedding.md", blocks);
    }

    @Test
    void readmeUseItFromCode_showsOnlyCompiledCode() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Use it from code");
        assertTrue(start >= 0, "README has a 'Use it from code' section");
        int end = readme.indexOf("\n## ", start + 1);
        List<Block> blocks = blocks(readme.substring(start, end < 0 ? readme.length() : end));
        assertFalse(blocks.isEmpty(), "the section shows a snippet");
        check("README.md's 'Use it from code'", blocks);
    }

    @Test
    void aBlockThatDiffersFromItsFile_isCaught() {
        List<Block> edited = blocks("<!-- file: nn-io/src/test/java/dev/backprop/io/embedding/TrainXor.java#xor -->\n"
                + "```java\nPath modelFile = Path.of(\"other.bpnn\");\n```\n");
        assertThrows(() -> check("a test text", edited));
        List<Block> unmarked = blocks("```java\nNetwork network = null;\n```\n");
        assertThrows(() -> check("a test text", unmarked));
        List<Block> oldJunit = blocks("```xml\n<artifactId>junit-jupiter-engine</artifactId>\n"
                + "<version>5.0.0</version>\n```\n");
        assertThrows(() -> check("a test text", oldJunit));
    }

    private static void assertThrows(Runnable check) {
        try {
            check.run();
        } catch (AssertionError expected) {
            return;
        }
        fail("the check passed a block it should have refused");
    }

    private static void check(String document, List<Block> blocks) {
        for (Block block : blocks) {
            String where = document + ", the " + block.language() + " block at line " + block.line();
            if (block.marker() != null) {
                Path file = ROOT.resolve(block.marker().group(1));
                assertEquals(expected(file, block.marker().group(2)), block.text(), where + " must equal "
                        + block.marker().group(0) + " (copy the code, or change both)");
            } else if (block.language().equals("java")) {
                fail(where + " has no <!-- file: PATH --> marker: every Java snippet must be code the build compiles");
            } else if (block.language().equals("xml")) {
                checkVersions(where, block.text());
            }
        }
    }

    /** Each artifact's version in a pom snippet is the one this build uses. */
    private static void checkVersions(String where, String xml) {
        String pom = read(ROOT.resolve("pom.xml"));
        Map<String, String> versions = Map.of(
                "junit-jupiter-engine", property(pom, "junit.version"),
                "junit-jupiter", property(pom, "junit.version"),
                "slf4j-api", property(pom, "slf4j.version"),
                "logback-classic", property(pom, "logback.version"),
                "slf4j-simple", property(pom, "slf4j.version"));
        Matcher found = ARTIFACT_VERSION.matcher(xml);
        while (found.find()) {
            String artifact = found.group(1);
            String version = found.group(3);
            String expected = artifact.startsWith("nn-") ? projectVersion(pom)
                    : versions.containsKey(artifact) ? versions.get(artifact)
                    : artifact.startsWith("maven-") ? pluginVersion(pom, artifact)
                    : null;   // the reader's own project
            if (expected != null) {
                assertEquals(expected, version, where + ": the version of " + artifact);
            }
        }
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(m.find(), "pom.xml sets " + name);
        return m.group(1);
    }

    private static String projectVersion(String pom) {
        Matcher m = Pattern.compile("<artifactId>backprop-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "pom.xml's own version");
        return m.group(1);
    }

    private static String pluginVersion(String pom, String artifact) {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifact) + "</artifactId>\\s*<version>([^<]+)<")
                .matcher(pom);
        if (!m.find()) {
            fail("pom.xml does not use " + artifact + ": a snippet may name only what this build uses");
        }
        return m.group(1);
    }

    /** The text a marker stands for: the region {@code name}, or the file from {@code // doc:begin}. */
    private static String expected(Path file, String name) {
        List<String> lines = read(file).lines().toList();
        List<String> shown = new ArrayList<>();
        boolean inside = name == null && !lines.contains("// doc:begin");
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.equals(name == null ? "// doc:begin" : "// doc:" + name)) {
                inside = true;
            } else if (name != null && trimmed.equals("// end:" + name)) {
                inside = false;
            } else if (inside && !REGION_LINE.matcher(line).matches()) {
                shown.add(line);
            }
        }
        assertFalse(shown.isEmpty(), file + " has no region '" + name + "'");
        int indent = shown.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        List<String> dedented = shown.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
        int first = 0;
        while (first < dedented.size() && dedented.get(first).isEmpty()) {
            first++;
        }
        return String.join("\n", dedented.subList(first, dedented.size())).stripTrailing();
    }

    private static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                continue;
            }
            String language = lines.get(i).substring(3).strip();
            int open = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(text.length() == 0 ? "" : "\n").append(lines.get(i));
            }
            int before = open - 1;
            while (before >= 0 && lines.get(before).isBlank()) {
                before--;
            }
            Matcher marker = before >= 0 ? MARKER.matcher(lines.get(before).strip()) : null;
            blocks.add(new Block(language, text.toString().stripTrailing(), open + 1,
                    marker != null && marker.matches() ? marker : null));
        }
        return blocks;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
    }
}
