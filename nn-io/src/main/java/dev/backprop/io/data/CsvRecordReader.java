package dev.backprop.io.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of one UTF-8 CSV file, one at a time, with the line each starts on. Parsing
 * (RFC 4180 quoting, {@code ""} inside quotes, quoted line breaks) is Jackson's CSV parser; blank
 * lines are skipped and a leading byte-order mark is dropped.
 * The line of a record is the line of its first field. Not thread-safe; close it after use.
 */
final class CsvRecordReader implements Closeable {

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(CsvReadOptions.MAX_FIELD_CHARS).build())
            .build();

    private final Path file;
    private final CsvParser parser;

    /**
     * One record: its fields and the 1-based line it starts on.
     *
     * @param overflow whether more fields followed the ones read (the record has more than the limit asked)
     */
    record Row(int line, String[] fields, boolean overflow) {
    }

    private CsvRecordReader(Path file, CsvParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /**
     * Opens {@code file}.
     *
     * @throws DatasetFormatException if it is missing, a folder or unreadable
     */
    static CsvRecordReader open(Path file, char delimiter) {
        if (Files.isDirectory(file)) {
            throw new DatasetFormatException("Cannot read CSV file " + file + ": it is a folder, but a file was"
                    + " expected. Give the path of a .csv file.");
        }
        try {
            BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CsvParser parser = FACTORY.createParser(reader);
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
            return new CsvRecordReader(file, parser);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException("CSV file " + file + " does not exist: expected a file there. Check the"
                    + " path (relative paths start at " + Path.of("").toAbsolutePath() + ").", e);
        } catch (AccessDeniedException e) {
            throw new DatasetFormatException("CSV file " + file + " cannot be read: permission denied. Give this"
                    + " user read access to it, or copy it somewhere readable.", e);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /**
     * The next record, or {@code null} at the end of the file. Reads at most {@code maxFields} fields and
     * stops at the one after them (then {@link Row#overflow()} is set), so that a huge record costs no
     * more than the fields allowed.
     *
     * @throws DatasetFormatException if the file is not valid CSV (an unclosed quote), a field is longer
     *                                than {@link CsvReadOptions#MAX_FIELD_CHARS} characters or the record
     *                                than {@link CsvReadOptions#MAX_RECORD_CHARS}, or it cannot be read
     */
    Row next(int maxFields) {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            if (token != JsonToken.START_ARRAY) {
                throw new DatasetFormatException("CSV file " + file + " could not be parsed near line "
                        + parser.currentTokenLocation().getLineNr() + ": expected the start of a record, found "
                        + token + ". Check the file's quoting.");
            }
            int line = -1;
            long chars = 0;
            List<String> fields = new ArrayList<>();
            for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new DatasetFormatException("CSV file " + file + " ends inside the record that starts on"
                            + " line " + line + ": expected the record to end. Check for an unclosed quote (\").");
                }
                if (line < 0) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                if (fields.size() == maxFields) {
                    return new Row(line, fields.toArray(new String[0]), true);
                }
                String text = parser.getText();
                fields.add(text == null ? "" : text);
                chars += text == null ? 0 : text.length();
                if (chars > CsvReadOptions.MAX_RECORD_CHARS) {
                    throw new DatasetFormatException("CSV file " + file + ", line " + line + ": the record holds more"
                            + " than " + CsvReadOptions.MAX_RECORD_CHARS + " characters, the most one record may hold."
                            + " Check for an unclosed quote (\"), or split the data into shorter records.");
                }
            }
            return new Row(line, fields.toArray(new String[0]), false);
        } catch (StreamConstraintsException e) {
            throw new DatasetFormatException("CSV file " + file + " has a field longer than "
                    + CsvReadOptions.MAX_FIELD_CHARS + " characters near line " + parser.currentLocation().getLineNr()
                    + ", the most one field may hold. Check for an unclosed quote (\"), or shorten the field.", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DatasetFormatException("CSV file " + file + " is not valid CSV"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", character " + at.getColumnNr()) + ": "
                    + CsvText.quote(e.getOriginalMessage(), CsvText.MAX_LIST) + ". Check the quoting: a quoted field must end with a quote (\"),"
                    + " and a quote inside one is written twice (\"\").", e);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close CSV file " + file, e);
        }
    }

    private static DatasetFormatException failure(Path file, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new DatasetFormatException("CSV file " + file + " is not UTF-8 text: " + e + ". Save it as"
                    + " UTF-8 (plain ASCII is fine).", e);
        }
        return new DatasetFormatException("CSV file " + file + " could not be read: " + e + ". Check that it is"
                + " a readable text file.", e);
    }
}
