package hlink.runner;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hlink's SQL runner, submitted to a session cluster as a JAR job (PyPI's Flink ships no SQL Gateway).
 *
 * <p>It reaches Flink's Table API by reflection, so plain {@code javac --release 11} builds it without any Flink
 * on the class path and one jar serves every Flink version from 1.20 to 2.x (the API it calls is the same).
 *
 * <p>Each program argument is one statement. Before anything runs, every statement is classified, and the
 * script is refused unless each one is {@code SET 'key' = 'value'}, DDL that starts no job (CREATE / DROP /
 * ALTER of tables, views, functions, databases, catalogs; USE) or an INSERT. SET statements become the table
 * environment's configuration; INSERTs go into one statement set, so the script is exactly one Flink job;
 * DDL runs through executeSql. A failing statement is reported as {@code hlink statement #<index> failed:
 * <reason>} so hlink can point at it.
 *
 * <p>Two modes for compiled plans (FLIP-190), named by the first argument: {@code --hlink-compile-plan} compiles
 * the statement set into a plan and, instead of running it, fails with {@code hlink compiled plan: <base64 of
 * the plan's JSON>}, so {@code POST /jars/{id}/plan} hands the plan back without any Flink job starting;
 * {@code --hlink-execute-plan} takes the plan's JSON as its last argument (after the SET and DDL statements,
 * the function registrations among them) and runs it ({@code loadPlan(PlanReference.fromJsonString(..))}).
 */
public final class HlinkSqlRunner {
    private static final Pattern SET =
            Pattern.compile("(?is)\\s*SET\\s+'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'\\s*;?\\s*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Set<String> OBJECTS =
            Set.of("TABLE", "VIEW", "FUNCTION", "DATABASE", "CATALOG");

    private enum Kind { SET, DDL, INSERT }

    static final String COMPILE = "--hlink-compile-plan";
    static final String EXECUTE_PLAN = "--hlink-execute-plan";

    private HlinkSqlRunner() {}

    public static void main(String[] arguments) throws Throwable {
        String mode = arguments.length > 0 && arguments[0].startsWith("--hlink-") ? arguments[0] : "";
        if (!mode.isEmpty() && !mode.equals(COMPILE) && !mode.equals(EXECUTE_PLAN)) {
            throw new IllegalArgumentException("hlink statement #-1 failed: unknown runner mode " + mode);
        }
        String plan = null;
        int to = arguments.length;
        if (mode.equals(EXECUTE_PLAN)) {
            if (to <= 1) {
                throw new IllegalArgumentException("hlink statement #-1 failed: no plan to execute");
            }
            plan = arguments[--to];
        }
        // statement indexes are the arguments' (hlink places errors by them): the mode is an empty statement
        String[] args = java.util.Arrays.copyOfRange(arguments, 0, to);
        if (!mode.isEmpty()) {
            args[0] = "";
        }
        Map<String, String> settings = new HashMap<>();
        List<Integer> statements = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String code = code(args[i]);
            if (code.trim().isEmpty()) {
                continue;
            }
            Kind kind = classify(i, code);
            if (kind == Kind.SET) {
                Matcher set = SET.matcher(code.trim());
                if (!set.matches()) {
                    throw refused(i, "a SET statement must read SET 'key' = 'value'");
                }
                settings.put(unquote(set.group(1)), unquote(set.group(2)));
            } else {
                statements.add(i);
                kinds.add(kind);
            }
        }
        if (plan == null && !kinds.contains(Kind.INSERT)) {
            throw new IllegalArgumentException("hlink statement #-1 failed: the script has no INSERT statement");
        }
        Flink flink = new Flink(settings);
        for (int n = 0; n < statements.size(); n++) {
            int i = statements.get(n);
            try {
                if (kinds.get(n) == Kind.INSERT) {
                    flink.addInsert(insertText(args[i]));
                } else {
                    flink.executeSql(args[i]);
                }
            } catch (RuntimeException | LinkageError e) {  // LinkageError: a function's class that cannot load
                throw new IllegalArgumentException("hlink statement #" + i + " failed: " + describe(e));
            }
        }
        if (plan != null) {
            if (kinds.contains(Kind.INSERT)) {
                throw new IllegalArgumentException("hlink statement #-1 failed: a plan runs without INSERT statements");
            }
            flink.executePlan(plan);
        } else if (mode.equals(COMPILE)) {
            String json = flink.compilePlan();
            String encoded = java.util.Base64.getEncoder().encodeToString(
                    json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new IllegalStateException("hlink compiled plan: " + encoded + " :end of plan");
        } else {
            flink.execute();
        }
    }

    /** What a statement is, or a refusal naming it: nothing but SET, job-less DDL and INSERT may run. */
    private static Kind classify(int index, String code) {
        List<String> words = words(code, 6);
        String first = words.isEmpty() ? "" : words.get(0);
        switch (first) {
            case "SET":
                return Kind.SET;
            case "INSERT":
                return Kind.INSERT;
            case "EXECUTE":
                if (words.size() > 1 && words.get(1).equals("INSERT")) {
                    return Kind.INSERT;
                }
                break;
            case "USE":
                return Kind.DDL;
            case "CREATE":
            case "DROP":
            case "ALTER": {
                String object = words.stream().skip(1).filter(OBJECTS::contains).findFirst().orElse("");
                if (object.isEmpty()) {
                    break;
                }
                if (object.equals("TABLE") && first.equals("CREATE") && topLevelAs(code)) {
                    throw refused(index, "CREATE TABLE ... AS SELECT starts a job of its own; "
                            + "declare the table and fill it from a sink's query instead");
                }
                List<String> all = words(code, Integer.MAX_VALUE);
                if (first.equals("ALTER") && all.get(all.size() - 1).equals("COMPACT")) {
                    throw refused(index, "ALTER TABLE ... COMPACT starts a job of its own");
                }
                return Kind.DDL;
            }
            default:
                break;
        }
        String shown = first.isEmpty() ? code.trim().split("\\s+")[0] : first;
        throw refused(index, "only SET, CREATE / DROP / ALTER / USE and INSERT statements run in an hlink job; "
                + "this one starts with " + shown);
    }

    private static IllegalArgumentException refused(int index, String why) {
        return new IllegalArgumentException("hlink statement #" + index + " failed: refused before planning: " + why);
    }

    /** The first {@code limit} words of code (upper-cased), strings and quoted names left out. */
    private static List<String> words(String code, int limit) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(blankQuoted(code));
        while (words.size() < limit && m.find()) {
            words.add(m.group().toUpperCase(Locale.ROOT));
        }
        return words;
    }

    /** Whether an AS stands outside every parenthesis: CREATE TABLE ... AS SELECT (computed columns are inside). */
    private static boolean topLevelAs(String code) {
        String text = blankQuoted(code);
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (c == 'a' || c == 'A') && i + 1 < text.length()
                    && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i == 0 || !namePart(text.charAt(i - 1)))
                    && (i + 2 >= text.length() || !namePart(text.charAt(i + 2)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean namePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The statement without comments (replaced by a space). */
    private static String code(String sql) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i);
                out.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Quoted strings and names blanked (comments are already gone), so keywords inside them do not count. */
    private static String blankQuoted(String code) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(code, i);
                out.append(' ');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index just past the quote opened at {@code start} (a doubled quote escapes itself). */
    private static int closing(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static String insertText(String sql) {
        String trimmed = sql.trim();
        return trimmed.regionMatches(true, 0, "EXECUTE", 0, 7) ? trimmed.substring(7).trim() : trimmed;
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

    /** The part of Flink's Table API the runner uses, reached by reflection (same names in 1.20 and 2.x). */
    private static final class Flink {
        private final Object env;
        private final Object inserts;
        private final Method executeSql;
        private final Method addInsertSql;
        private final Method execute;
        private final ClassLoader loader;
        private final Class<?> statementSet;

        Flink(Map<String, String> settings) throws Throwable {
            loader = HlinkSqlRunner.class.getClassLoader();
            Class<?> configuration = Class.forName("org.apache.flink.configuration.Configuration", true, loader);
            Class<?> environmentSettings =
                    Class.forName("org.apache.flink.table.api.EnvironmentSettings", true, loader);
            Class<?> tableEnvironment = Class.forName("org.apache.flink.table.api.TableEnvironment", true, loader);
            statementSet = Class.forName("org.apache.flink.table.api.StatementSet", true, loader);
            Object config = invoke(configuration.getMethod("fromMap", Map.class), null, settings);
            Object builder = invoke(environmentSettings.getMethod("newInstance"), null);
            builder = invoke(builder.getClass().getMethod("inStreamingMode"), builder);
            builder = invoke(builder.getClass().getMethod("withConfiguration", configuration), builder, config);
            Object built = invoke(builder.getClass().getMethod("build"), builder);
            env = invoke(tableEnvironment.getMethod("create", environmentSettings), null, built);
            inserts = invoke(tableEnvironment.getMethod("createStatementSet"), env);
            executeSql = tableEnvironment.getMethod("executeSql", String.class);
            addInsertSql = statementSet.getMethod("addInsertSql", String.class);
            execute = statementSet.getMethod("execute");
        }

        void executeSql(String sql) throws Throwable {
            invoke(executeSql, env, sql);
        }

        void addInsert(String sql) throws Throwable {
            invoke(addInsertSql, inserts, sql);
        }

        /** Runs the statement set; Flink's own errors pass through untouched (planning aborts this way too). */
        void execute() throws Throwable {
            invoke(execute, inserts);
        }

        /** The statement set compiled into a plan (nothing runs), as its JSON. */
        String compilePlan() throws Throwable {
            Object plan = invoke(statementSet.getMethod("compilePlan"), inserts);
            return (String) invoke(publicMethod(plan, "asJsonString"), plan);
        }

        /** Runs a compiled plan: one Flink job, with the SET statements' configuration. */
        void executePlan(String json) throws Throwable {
            Class<?> reference = Class.forName("org.apache.flink.table.api.PlanReference", true, loader);
            Class<?> tableEnvironment = Class.forName("org.apache.flink.table.api.TableEnvironment", true, loader);
            Object ref = invoke(reference.getMethod("fromJsonString", String.class), null, json);
            Object plan = invoke(tableEnvironment.getMethod("loadPlan", reference), env, ref);
            invoke(publicMethod(plan, "execute"), plan);
        }

        /** A method of an object by its public interface (its class may be an internal one). */
        private Method publicMethod(Object target, String name) throws Throwable {
            Class<?> compiled = Class.forName("org.apache.flink.table.api.CompiledPlan", true, loader);
            return compiled.isInstance(target) ? compiled.getMethod(name) : target.getClass().getMethod(name);
        }

        private static Object invoke(Method method, Object target, Object... arguments) throws Throwable {
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
