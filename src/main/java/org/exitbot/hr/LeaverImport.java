package org.exitbot.hr;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.NewInterview;
import org.exitbot.system.ConflictException;
import org.exitbot.system.FieldError;
import org.exitbot.system.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Starts an interview for each row of a CSV of upcoming leavers. Each row starts in a transaction of its own
 * through {@link ExitInterviews#start}: a row is started whole or not at all, and a bad row stops no other.
 */
@Service
public class LeaverImport {

    static final int MAX_ROWS = 2000;
    static final List<String> COLUMNS = List.of("employeeId", "name", "email", "department", "role", "manager",
            "lastWorkingDay", "locale", "questionSet", "visibility");
    private static final Set<String> REQUIRED = Set.of("employeeId", "name", "email", "department", "lastWorkingDay");

    private final ExitInterviews interviews;

    LeaverImport(ExitInterviews interviews) {
        this.interviews = interviews;
    }

    /** @param line the row's line in the file, the header being line 1 */
    public record RowResult(long line, String employeeId, String outcome, UUID interviewId, List<FieldError> errors) {
    }

    public record Report(int started, int failed, List<RowResult> rows) {
    }

    public Report run(Reader csv, String hrUser) {
        List<CSVRecord> records;
        Map<String, String> columns;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(csv)) {
            columns = columns(parser.getHeaderNames());
            records = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("file", "is not readable CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new InvalidInputException("file", "has a header but no rows");
        }
        if (records.size() > MAX_ROWS) {
            throw new InvalidInputException("file", "has " + records.size() + " rows; at most " + MAX_ROWS
                    + " per upload");
        }
        var results = new ArrayList<RowResult>();
        int started = 0;
        for (CSVRecord record : records) {
            RowResult result = startRow(record, columns, hrUser);
            started += result.interviewId() == null ? 0 : 1;
            results.add(result);
        }
        return new Report(started, results.size() - started, results);
    }

    private RowResult startRow(CSVRecord record, Map<String, String> columns, String hrUser) {
        long line = record.getRecordNumber() + 1;
        String employeeId = value(record, columns, "employeeId");
        try {
            var request = new NewInterview(employeeId, value(record, columns, "name"), value(record, columns, "email"),
                    value(record, columns, "department"), value(record, columns, "role"),
                    value(record, columns, "manager"), date(value(record, columns, "lastWorkingDay")),
                    value(record, columns, "locale"), value(record, columns, "questionSet"),
                    value(record, columns, "visibility"));
            InterviewView started = interviews.start(request, hrUser);
            return new RowResult(line, employeeId, "started", started.id(), List.of());
        } catch (InvalidInputException e) {
            return new RowResult(line, employeeId, "failed", null, e.errors());
        } catch (ConflictException e) {
            return new RowResult(line, employeeId, "failed", null, List.of(new FieldError("employeeId", e.getMessage())));
        }
    }

    /** The file's header names by their canonical column name; header case and spaces do not matter. */
    private static Map<String, String> columns(List<String> header) {
        var byCanonical = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        for (String column : COLUMNS) {
            byCanonical.put(column, column);
        }
        var found = new TreeMap<String, String>();
        var unknown = new ArrayList<String>();
        for (String name : header) {
            String canonical = byCanonical.get(name.replace(" ", "").replace("_", ""));
            if (canonical == null) {
                unknown.add(name);
            } else {
                found.put(canonical, name);
            }
        }
        var errors = new ArrayList<FieldError>();
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("header", "has unknown columns " + unknown + "; the columns are " + COLUMNS));
        }
        REQUIRED.stream().filter(c -> !found.containsKey(c)).sorted()
                .forEach(c -> errors.add(new FieldError("header", "lacks the required column " + c)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return found;
    }

    private static String value(CSVRecord record, Map<String, String> columns, String column) {
        String header = columns.get(column);
        if (header == null || !record.isSet(header)) {
            return null;
        }
        String value = record.get(header);
        return value.isBlank() ? null : value;
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.toLowerCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("lastWorkingDay", "must be an ISO date such as 2026-12-31");
        }
    }
}
