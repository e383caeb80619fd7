package dev.backprop.io.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The two syntaxes a run configuration file may use, picked by its extension: JSON ({@code .json})
 * or YAML ({@code .yaml}, {@code .yml}). Parses a file into a tree, turning every syntax or I/O
 * problem into a {@link ConfigFileException}, and writes a tree back in the same syntax. Thread-safe.
 */
enum ConfigFormat {

    /** Strict JSON: duplicate keys and trailing content are errors. */
    JSON("JSON", " (quote keys and text with \", separate entries with commas, no trailing comma)",
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build()),
    /** YAML; duplicate keys are errors. */
    YAML("YAML", " (indent nested keys with spaces, put a space after each ':')",
            YAMLMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build());

    private final String label;
    private final String syntaxHint;
    private final ObjectMapper mapper;

    ConfigFormat(String label, String syntaxHint, ObjectMapper mapper) {
        this.label = label;
        this.syntaxHint = syntaxHint;
        this.mapper = mapper;
    }

    /** True for YAML, whose 1.1 rules read {@code 1e-3} as text. */
    boolean isYaml() {
        return this == YAML;
    }

    /**
     * The format {@code file}'s extension names.
     *
     * @throws ConfigFileException for any other extension, saying which ones work
     */
    static ConfigFormat of(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        throw new ConfigFileException(file, "", "Config file " + file + ": expected a name ending in .json, .yaml"
                + " or .yml (the extension picks the format), found '" + name + "'. Fix: rename the file to end in"
                + " .json for JSON or .yaml for YAML.");
    }

    /**
     * The tree of {@code file}; for an empty file, a missing or null node.
     *
     * @throws ConfigFileException if the file is missing, unreadable or malformed (with line and column)
     */
    JsonNode parse(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigFileException(file, "", "Config file " + file + " does not exist: expected a " + label
                    + " run configuration there, found nothing. Fix: check the path (a relative path is resolved"
                    + " against " + Path.of("").toAbsolutePath() + ").");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigFileException(file, "", "Config file " + file + " is not a regular file: expected a "
                    + label + " run configuration, found a directory or special file. Fix: give the path of the"
                    + " file itself.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return mapper.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String at = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            throw new ConfigFileException(file, "", "Config file " + file + " is not well-formed " + label + at + ": "
                    + e.getOriginalMessage() + ". Fix: correct the " + label + " syntax there" + syntaxHint + ".", e);
        } catch (IOException e) {
            throw new ConfigFileException(file, "", "Config file " + file + " could not be read: expected a readable "
                    + label + " file, found " + e + ". Fix: check the file's permissions.", e);
        }
    }

    /** Writes {@code tree} to {@code out} in this syntax, without closing it. */
    void write(JsonNode tree, OutputStream out) throws IOException {
        mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, tree);
    }
}
