package hlink.runner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;

/**
 * hlink's SQL runner, submitted to a session cluster as a JAR job (PyPI's Flink ships no SQL Gateway).
 *
 * <p>Each program argument is one statement. {@code SET 'key' = 'value'} statements become the table
 * environment's configuration; INSERT statements are collected into one statement set, so the script is one
 * Flink job; everything else (CREATE TABLE, CREATE FUNCTION, ...) runs through executeSql. A failing statement
 * is reported as {@code hlink statement #<index> failed: <reason>} so hlink can point at it.
 */
public final class HlinkSqlRunner {
    private static final Pattern SET =
            Pattern.compile("(?is)\\s*SET\\s+'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'\\s*;?\\s*");
    private static final Pattern INSERT = Pattern.compile("(?is)\\s*(?:EXECUTE\\s+)?INSERT\\s.*");

    private HlinkSqlRunner() {}

    public static void main(String[] args) {
        Map<String, String> settings = new HashMap<>();
        List<Integer> statements = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            Matcher set = SET.matcher(args[i]);
            if (set.matches()) {
                settings.put(unquote(set.group(1)), unquote(set.group(2)));
            } else if (!args[i].trim().isEmpty()) {
                statements.add(i);
            }
        }
        Configuration configuration = Configuration.fromMap(settings);
        TableEnvironment env = TableEnvironment.create(
                EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(configuration).build());
        StatementSet inserts = env.createStatementSet();
        int count = 0;
        for (int i : statements) {
            try {
                if (INSERT.matcher(args[i]).matches()) {
                    inserts.addInsertSql(args[i]);
                    count++;
                } else {
                    env.executeSql(args[i]);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("hlink statement #" + i + " failed: " + describe(e));
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("hlink statement #-1 failed: the script has no INSERT statement");
        }
        inserts.execute();
    }

    private static String unquote(String quoted) {
        return quoted.replace("''", "'");
    }

    /** The exception's message followed by the distinct messages of its causes: readable, no stack trace. */
    private static String describe(Throwable error) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = error; t != null && messages.size() < 4; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().trim().isEmpty()) {
                messages.add(t.getMessage().trim());
            }
        }
        if (messages.isEmpty()) {
            return error.getClass().getName();
        }
        return String.join("\nCaused by: ", messages);
    }
}
