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
 *
 * <p>A data preview ({@code --hlink-preview}, see {@link Preview}) runs one query, bounded, and hands its rows back
 * through the answer of {@code /jars/{id}/run}: nothing is written anywhere.
 *
 * <p>A state map ({@code --hlink-state-map}, see {@link StateMap}) translates compiled plans into their stream
 * graphs and reads a savepoint's metadata, without running anything, and hands both back the same way.
 */
public final class HlinkSqlRunner {
    static final Pattern SET =
            Pattern.compile("(?is)\\s*SET\\s+'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'\\s*;?\\s*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Set<String> OBJECTS =
            Set.of("TABLE", "VIEW", "FUNCTION", "DATABASE", "CATALOG");

    enum Kind { SET, DDL, INSERT }

    static final String COMPILE = "--hlink-compile-plan";
    static final String EXECUTE_PLAN = "--hlink-execute-plan";
    static final String PREVIEW = "--hlink-preview";
    static final String STATE_MAP = "--hlink-state-map";
    static final String PLAN = "--hlink-plan";

    private HlinkSqlRunner() {}

    public static void main(String[] arguments) throws Throwable {
        String mode = arguments.length > 0 && arguments[0].startsWith("--hlink-") ? arguments[0] : "";
        if (mode.equals(PREVIEW)) {
            Preview.main(arguments);
            return;
        }
        if (mode.equals(STATE_MAP)) {
            StateMap.main(arguments);
            return;
        }
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
    static Kind classify(int index, String code) {
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

    static IllegalArgumentException refused(int index, String why) {
        return new IllegalArgumentException("hlink statement #" + index + " failed: refused before planning: " + why);
    }

    /** The first {@code limit} words of code (upper-cased), strings and quoted names left out. */
    static List<String> words(String code, int limit) {
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
    static String code(String sql) {
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

    static String unquote(String quoted) {
        return quoted.replace("''", "'");
    }

    /** The exception's message followed by the distinct messages of its causes: readable, no stack trace. */
    static String describe(Throwable error) {
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

        /**
         * The stream nodes a compiled plan runs as, each with the operator id a savepoint keys its state by
         * ({@code StreamGraphHasherV2}: the murmur3 of the node's uid when it has one, as a plan's nodes do),
         * as JSON: translated by the planner and made a stream graph as {@code executePlan} does, never run.
         */
        String streamNodes(String json) throws Throwable {
            Class<?> reference = Class.forName("org.apache.flink.table.api.PlanReference", true, loader);
            Class<?> tableEnvironment = Class.forName("org.apache.flink.table.api.TableEnvironment", true, loader);
            Object ref = invoke(reference.getMethod("fromJsonString", String.class), null, json);
            Object plan = invoke(tableEnvironment.getMethod("loadPlan", reference), env, ref);
            // CompiledPlanImpl.unwrap() (package-private in 1.20 and 2.x): the planner's own plan
            Method unwrap = plan.getClass().getDeclaredMethod("unwrap");
            unwrap.setAccessible(true);
            Object internal = invoke(unwrap, plan);
            Class<?> internalPlan = Class.forName("org.apache.flink.table.delegation.InternalPlan", true, loader);
            Class<?> plannerType = Class.forName("org.apache.flink.table.delegation.Planner", true, loader);
            Object planner = invoke(env.getClass().getMethod("getPlanner"), env);
            List<?> transformations = (List<?>) invoke(plannerType.getMethod("translatePlan", internalPlan), planner, internal);
            Class<?> impl = Class.forName("org.apache.flink.table.api.internal.TableEnvironmentImpl", true, loader);
            java.lang.reflect.Field executorField = impl.getDeclaredField("execEnv");
            executorField.setAccessible(true);
            Object executor = executorField.get(env);
            Class<?> executorType = Class.forName("org.apache.flink.table.delegation.Executor", true, loader);
            Class<?> readable = Class.forName("org.apache.flink.configuration.ReadableConfig", true, loader);
            Object tableConfig = invoke(tableEnvironment.getMethod("getConfig"), env);
            Object graph = invoke(executorType.getMethod("createPipeline", List.class, readable, String.class),
                    executor, transformations, tableConfig, "hlink state map");
            Class<?> streamGraph = Class.forName("org.apache.flink.streaming.api.graph.StreamGraph", true, loader);
            Class<?> hasherType = Class.forName("org.apache.flink.streaming.api.graph.StreamGraphHasherV2", true, loader);
            Object hasher = hasherType.getConstructor().newInstance();
            Map<?, ?> hashes = (Map<?, ?>) invoke(
                    hasherType.getMethod("traverseStreamGraphAndGenerateHashes", streamGraph), hasher, graph);
            Class<?> streamNode = Class.forName("org.apache.flink.streaming.api.graph.StreamNode", true, loader);
            Method id = streamNode.getMethod("getId");
            Method uid = streamNode.getMethod("getTransformationUID");
            Method name = streamNode.getMethod("getOperatorName");
            StringBuilder out = new StringBuilder("[");
            for (Object node : (java.util.Collection<?>) invoke(streamGraph.getMethod("getStreamNodes"), graph)) {
                if (out.length() > 1) {
                    out.append(',');
                }
                Object key = invoke(id, node);
                byte[] hash = (byte[]) hashes.get(key);
                out.append("{\"streamNode\":").append(key).append(",\"operatorId\":");
                Json.string(out, hash == null ? "" : hex(hash));
                out.append(",\"uid\":");
                Object u = invoke(uid, node);
                if (u == null) {
                    out.append("null");
                } else {
                    Json.string(out, String.valueOf(u));
                }
                out.append(",\"name\":");
                Json.string(out, String.valueOf(invoke(name, node)));
                out.append('}');
            }
            return out.append(']').toString();
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

    /**
     * A data preview: one query run bounded, its rows handed back through the failing answer of
     * {@code /jars/{id}/run}, nothing written anywhere.
     *
     * <p>Arguments: the mode, the SET and job-less DDL statements (the function registrations among them), the
     * query ({@code SELECT}, {@code WITH ... SELECT}, {@code VALUES}), and last the bounds:
     * {@code limit=<rows> seconds=<s> job=<32 hex> bytes=<most bytes of rows>}.
     *
     * <p>Why this way: a program run by {@code /jars/{id}/run} cannot {@code collect()} (its job client is the web
     * submission's, FLINK-20995), and the task managers may not reach hlink. But the program's {@code main()}
     * runs inside the job manager: it submits the query to the job manager's own REST address with an
     * environment of its own ({@code execution.target: remote}), whose job client can ask the collect sink's
     * coordinator for rows, reads them until the limit, the time or the end of the source, cancels the job
     * and fails with {@code hlink preview: <base64 of the JSON answer> :end of preview}. So the rows travel task
     * manager → job manager → hlink only, the job never outlives its time (the program cancels it, whatever
     * happened to hlink meanwhile), and it runs under the Flink job id hlink chose and names.
     */
    static final class Preview {
        private final ClassLoader loader = HlinkSqlRunner.class.getClassLoader();
        private volatile boolean timeUp;
        private volatile Object client;

        private Preview() {}

        static void main(String[] arguments) throws Throwable {
            if (arguments.length < 3) {
                throw new IllegalArgumentException("hlink statement #-1 failed: a preview needs its query and bounds");
            }
            new Preview().run(arguments);
        }

        private void run(String[] arguments) throws Throwable {
            long started = System.nanoTime();
            int queryAt = arguments.length - 2;
            Map<String, String> bounds = bounds(arguments[arguments.length - 1]);
            int limit = Integer.parseInt(bounds.getOrDefault("limit", "100"));
            long seconds = Long.parseLong(bounds.getOrDefault("seconds", "30"));
            long maxBytes = Long.parseLong(bounds.getOrDefault("bytes", "2097152"));
            String job = bounds.getOrDefault("job", "");
            long deadline = started + seconds * 1_000_000_000L;
            Map<String, String> settings = new HashMap<>();
            List<Integer> ddl = new ArrayList<>();
            for (int i = 1; i < queryAt; i++) {
                String code = code(arguments[i]);
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
                } else if (kind == Kind.INSERT) {
                    throw refused(i, "a preview writes nothing: no INSERT runs in it");
                } else {
                    ddl.add(i);
                }
            }
            String query = arguments[queryAt];
            List<String> first = words(code(query), 1);
            String start = code(query).trim();
            if (!(start.startsWith("(") || (!first.isEmpty()
                    && (first.get(0).equals("SELECT") || first.get(0).equals("WITH") || first.get(0).equals("VALUES"))))) {
                throw refused(queryAt, "a preview runs one query (SELECT ... or WITH ... SELECT ...)");
            }
            Object env = tableEnvironment(settings, job);
            Method executeSql = method("org.apache.flink.table.api.TableEnvironment", "executeSql", String.class);
            for (int i : ddl) {
                try {
                    invoke(executeSql, env, arguments[i]);
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalArgumentException("hlink statement #" + i + " failed: " + describe(e));
                }
            }
            Object table;
            Object result;
            StringBuilder columns = new StringBuilder("[");
            try {
                table = invoke(method("org.apache.flink.table.api.TableEnvironment", "sqlQuery", String.class), env, query);
                Object schema = invoke(method("org.apache.flink.table.api.Table", "getResolvedSchema"), table);
                List<?> all = (List<?>) invoke(schema.getClass().getMethod("getColumns"), schema);
                Class<?> column = Class.forName("org.apache.flink.table.catalog.Column", true, loader);
                for (Object c : all) {
                    if (columns.length() > 1) {
                        columns.append(',');
                    }
                    columns.append("{\"name\":");
                    Json.string(columns, (String) invoke(column.getMethod("getName"), c));
                    columns.append(",\"type\":");
                    Json.string(columns, String.valueOf(invoke(column.getMethod("getDataType"), c)));
                    columns.append('}');
                }
                columns.append(']');
                if (timeUp(deadline)) {
                    throw new IllegalStateException("hlink preview failed: its time was up before the query was planned");
                }
                // plans, then submits: an error here is the query's, and no job started
                result = invoke(method("org.apache.flink.table.api.Table", "execute"), table);
            } catch (RuntimeException | LinkageError e) {
                if (e.getMessage() != null && e.getMessage().startsWith("hlink preview failed")) {
                    throw e;
                }
                throw new IllegalArgumentException("hlink statement #" + queryAt + " failed: " + describe(e));
            }
            Class<?> tableResult = Class.forName("org.apache.flink.table.api.TableResult", true, loader);
            client = ((java.util.Optional<?>) invoke(tableResult.getMethod("getJobClient"), result)).orElse(null);
            long submitted = System.nanoTime();
            Thread watchdog = new Thread(() -> {
                try {
                    long wait = deadline - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                    }
                    timeUp = true;
                    cancel();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hlink-preview-deadline");
            watchdog.setDaemon(true);
            watchdog.start();
            Rows rows = new Rows(limit, maxBytes);
            Live live = "1".equals(bounds.get("live")) ? Live.start(job) : null;
            rows.live = live;
            String reason = "ENDED";
            Object iterator = null;
            try {
                iterator = invoke(tableResult.getMethod("collect"), result);
                Method hasNext = java.util.Iterator.class.getMethod("hasNext");
                Method next = java.util.Iterator.class.getMethod("next");
                Class<?> row = Class.forName("org.apache.flink.types.Row", true, loader);
                Method kind = row.getMethod("getKind");
                Method arity = row.getMethod("getArity");
                Method field = row.getMethod("getField", int.class);
                while (true) {
                    if (timeUp(deadline)) {
                        reason = "TIME";
                        break;
                    }
                    if (!(Boolean) invoke(hasNext, iterator)) {
                        reason = timeUp(deadline) ? "TIME" : "ENDED";
                        break;
                    }
                    Object r = invoke(next, iterator);
                    Object k = invoke(kind, r);
                    String shortKind = (String) invoke(k.getClass().getMethod("shortString"), k);
                    StringBuilder values = new StringBuilder();
                    Json.value(values, r, arity, field);
                    String stopped = rows.add(shortKind, values.toString());
                    if (stopped != null) {
                        reason = stopped;
                        break;
                    }
                }
            } catch (Throwable e) {
                if (!timeUp(deadline)) {
                    cancel();
                    throw new IllegalStateException("hlink preview failed: " + describe(e));
                }
                reason = "TIME";  // the deadline cancelled the job under the iterator
            } finally {
                watchdog.interrupt();
                if (live != null) {
                    live.close();
                }
                if (iterator != null) {
                    try {
                        invoke(AutoCloseable.class.getMethod("close"), iterator);  // cancels a job still running
                    } catch (Throwable ignored) {
                        // cancelled below
                    }
                }
                cancel();
            }
            long ended = System.nanoTime();
            StringBuilder answer = new StringBuilder("{\"columns\":").append(columns);
            answer.append(",\"reason\":\"").append(reason).append('"');
            answer.append(",\"jobId\":");
            Json.string(answer, job);
            answer.append(",\"submitMs\":").append((submitted - started) / 1_000_000L);
            answer.append(",\"collectMs\":").append((ended - submitted) / 1_000_000L);
            rows.json(answer);
            answer.append('}');
            String encoded = java.util.Base64.getEncoder().encodeToString(
                    answer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new IllegalStateException("hlink preview: " + encoded + " :end of preview");
        }

        private boolean timeUp(long deadline) {
            return timeUp || System.nanoTime() >= deadline;
        }

        /** Cancels the preview's job (again: a cancel of a job that ended is refused, and that is fine). */
        private void cancel() {
            Object c = client;
            if (c == null) {
                return;
            }
            try {
                Method cancel = Class.forName("org.apache.flink.core.execution.JobClient", true, loader).getMethod("cancel");
                Object future = invoke(cancel, c);
                ((java.util.concurrent.CompletableFuture<?>) future).get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Throwable ignored) {
                // ended already, or hlink's reconciler cancels it by its id
            }
        }

        /**
         * The table environment of the preview: the job manager's own configuration (its REST address, its
         * security settings), submitting to that REST address ({@code remote}, attached, so {@code collect()}
         * has a coordination gateway), under the chosen job id, with the preview's settings.
         */
        private Object tableEnvironment(Map<String, String> settings, String job) throws Throwable {
            Class<?> configuration = Class.forName("org.apache.flink.configuration.Configuration", true, loader);
            Class<?> streamEnv = Class.forName(
                    "org.apache.flink.streaming.api.environment.StreamExecutionEnvironment", true, loader);
            Object context = invoke(streamEnv.getMethod("getExecutionEnvironment"), null);
            Object own = invoke(streamEnv.getMethod("getConfiguration"), context);
            Map<String, String> values = new HashMap<>();
            Object map = invoke(own.getClass().getMethod("toMap"), own);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) map).entrySet()) {
                values.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
            for (String key : List.of("execution.savepoint.path", "execution.state-recovery.path",
                    "$internal.pipeline.job-id", "execution.checkpointing.interval")) {
                values.remove(key);
            }
            values.putAll(settings);
            String jar = new java.io.File(HlinkSqlRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toURI().toString();
            values.put("execution.target", "remote");
            values.put("execution.attached", "true");
            values.put("pipeline.jars", jar);
            values.putIfAbsent("rest.address", values.getOrDefault("jobmanager.rpc.address", "localhost"));
            values.putIfAbsent("rest.port", "8081");
            if (!job.isEmpty()) {
                values.put("$internal.pipeline.job-id", job);
            }
            Object config = invoke(configuration.getMethod("fromMap", Map.class), null, values);
            Object streams = streamEnv.getConstructor(configuration).newInstance(config);
            Class<?> environmentSettings =
                    Class.forName("org.apache.flink.table.api.EnvironmentSettings", true, loader);
            Object builder = invoke(environmentSettings.getMethod("newInstance"), null);
            builder = invoke(builder.getClass().getMethod("inStreamingMode"), builder);
            Object tableConfig = invoke(configuration.getMethod("fromMap", Map.class), null, settings);
            builder = invoke(builder.getClass().getMethod("withConfiguration", configuration), builder, tableConfig);
            Object built = invoke(builder.getClass().getMethod("build"), builder);
            Class<?> bridge = Class.forName(
                    "org.apache.flink.table.api.bridge.java.StreamTableEnvironment", true, loader);
            return invoke(bridge.getMethod("create", streamEnv, environmentSettings), null, streams, built);
        }

        private Method method(String type, String name, Class<?>... parameters) throws Throwable {
            return Class.forName(type, true, loader).getMethod(name, parameters);
        }

        private static Map<String, String> bounds(String text) {
            Map<String, String> bounds = new HashMap<>();
            for (String part : text.trim().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    bounds.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            return bounds;
        }

        private static Object invoke(Method method, Object target, Object... arguments) throws Throwable {
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }

    /**
     * A state map: which operator ids the versions' compiled plans run as, and which operators hold state in a
     * savepoint, so hlink can tell what state a restore would find, and what it would drop. Nothing runs.
     *
     * <p>Arguments: the mode; for each plan, its SET statements and function registrations, {@code --hlink-plan}
     * and the plan's JSON; last the savepoint's path (empty: none). It fails with {@code hlink state map:
     * <base64 of the JSON answer> :end of state map}, the answer being {@code {"plans": [{"nodes": [...]} or
     * {"error": ...}], "savepoint": {"operators": [...]} or {"error": ...} or null}}: a plan that does not load
     * or a savepoint that cannot be read is named in the answer, the rest is still answered.
     */
    static final class StateMap {
        private StateMap() {}

        static void main(String[] arguments) throws Throwable {
            if (arguments.length < 2) {
                throw new IllegalArgumentException("hlink statement #-1 failed: a state map needs a savepoint argument");
            }
            int last = arguments.length - 1;
            // the metadata first: a running job's checkpoint is subsumed (deleted) a checkpoint interval later
            String savepoint = arguments[last].trim().isEmpty() ? "null" : savepoint(arguments[last].trim());
            StringBuilder answer = new StringBuilder("{\"plans\":[");
            List<String> statements = new ArrayList<>();
            int plans = 0;
            for (int i = 1; i < last; i++) {
                if (arguments[i].equals(PLAN) && i + 1 < last) {
                    if (plans++ > 0) {
                        answer.append(',');
                    }
                    answer.append(plan(statements, arguments[++i]));
                    statements.clear();
                } else {
                    statements.add(arguments[i]);
                }
            }
            answer.append("],\"savepoint\":");
            answer.append(savepoint);
            answer.append('}');
            String encoded = java.util.Base64.getEncoder().encodeToString(
                    answer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new IllegalStateException("hlink state map: " + encoded + " :end of state map");
        }

        /** One plan's stream nodes, or why it could not be translated. */
        private static String plan(List<String> statements, String json) {
            try {
                Map<String, String> settings = new HashMap<>();
                List<String> ddl = new ArrayList<>();
                for (String statement : statements) {
                    String code = code(statement);
                    if (code.trim().isEmpty()) {
                        continue;
                    }
                    Matcher set = SET.matcher(code.trim());
                    if (set.matches()) {
                        settings.put(unquote(set.group(1)), unquote(set.group(2)));
                    } else if (classify(-1, code) == Kind.DDL) {
                        ddl.add(statement);
                    }
                }
                Flink flink = new Flink(settings);
                for (String statement : ddl) {
                    flink.executeSql(statement);
                }
                return "{\"nodes\":" + flink.streamNodes(json) + "}";
            } catch (Throwable e) {
                StringBuilder out = new StringBuilder("{\"error\":");
                Json.string(out, e.getClass().getName() + ": " + describe(e));
                return out.append('}').toString();
            }
        }

        private static final Pattern CHECKPOINT = Pattern.compile("(.*)/chk-(\\d+)/?");

        /**
         * The savepoint's operators with their state, read from its {@code _metadata}, or why it cannot be. A
         * running job's checkpoint ({@code .../chk-<n>}) is deleted once a newer one completes, maybe before it is
         * read: then the newest checkpoint beside it is read instead (its job graph is the same), a few times.
         */
        private static String savepoint(String path) {
            String pointer = path;
            for (int attempt = 0; ; attempt++) {
                Matcher checkpoint = CHECKPOINT.matcher(pointer);
                try {
                    return metadata(pointer);
                } catch (Throwable e) {
                    String newer = attempt < 5 && checkpoint.matches() ? newest(checkpoint.group(1)) : null;
                    if (newer == null || newer.equals(pointer)) {
                        Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
                        StringBuilder out = new StringBuilder("{\"error\":");
                        Json.string(out, cause.getClass().getName() + ": " + describe(cause));
                        return out.append('}').toString();
                    }
                    pointer = newer;
                }
            }
        }

        /** The newest {@code chk-<n>} folder with a {@code _metadata} in a job's checkpoint folder, or null. */
        private static String newest(String folder) {
            ClassLoader loader = HlinkSqlRunner.class.getClassLoader();
            try {
                Class<?> fsPath = Class.forName("org.apache.flink.core.fs.Path", true, loader);
                Class<?> fileSystem = Class.forName("org.apache.flink.core.fs.FileSystem", true, loader);
                Class<?> fileStatus = Class.forName("org.apache.flink.core.fs.FileStatus", true, loader);
                Object parent = fsPath.getConstructor(String.class).newInstance(folder);
                Object fs = fsPath.getMethod("getFileSystem").invoke(parent);
                Object[] listed = (Object[]) fileSystem.getMethod("listStatus", fsPath).invoke(fs, parent);
                long best = -1;
                for (Object status : listed == null ? new Object[0] : listed) {
                    Object child = fileStatus.getMethod("getPath").invoke(status);
                    String name = (String) fsPath.getMethod("getName").invoke(child);
                    Object metadata = fsPath.getConstructor(fsPath, String.class).newInstance(child, "_metadata");
                    if (name.matches("chk-\\d+") && (Boolean) fileSystem.getMethod("exists", fsPath).invoke(fs, metadata)) {
                        best = Math.max(best, Long.parseLong(name.substring(4)));
                    }
                }
                return best < 0 ? null : folder + "/chk-" + best;
            } catch (Throwable e) {
                return null;
            }
        }

        private static String metadata(String path) throws Throwable {
            ClassLoader loader = HlinkSqlRunner.class.getClassLoader();
            Class<?> access = Class.forName(
                    "org.apache.flink.runtime.state.filesystem.AbstractFsCheckpointStorageAccess", true, loader);
            Object location = access.getMethod("resolveCheckpointPointer", String.class).invoke(null, path);
            Object handle = location.getClass().getMethod("getMetadataHandle").invoke(location);
            String pointer = (String) location.getClass().getMethod("getExternalPointer").invoke(location);
            Object metadata;
            try (java.io.InputStream in = (java.io.InputStream) handle.getClass().getMethod("openInputStream").invoke(handle);
                    java.io.DataInputStream data = new java.io.DataInputStream(in)) {
                Class<?> checkpoints = Class.forName("org.apache.flink.runtime.checkpoint.Checkpoints", true, loader);
                metadata = checkpoints.getMethod("loadCheckpointMetadata", java.io.DataInputStream.class,
                        ClassLoader.class, String.class).invoke(null, data, loader, pointer);
            }
            StringBuilder out = new StringBuilder("{\"pointer\":");
            Json.string(out, pointer);
            out.append(",\"checkpointId\":").append(metadata.getClass().getMethod("getCheckpointId").invoke(metadata));
            out.append(",\"operators\":[");
            boolean more = false;
            for (Object state : (java.util.Collection<?>) metadata.getClass().getMethod("getOperatorStates").invoke(metadata)) {
                if (more) {
                    out.append(',');
                }
                more = true;
                operator(out, state);
            }
            return out.append("]}").toString();
        }

        private static void operator(StringBuilder out, Object state) throws Throwable {
            Class<?> type = state.getClass();
            out.append("{\"operatorId\":");
            Json.string(out, String.valueOf(type.getMethod("getOperatorID").invoke(state)));
            for (String optional : new String[] {"getOperatorName", "getOperatorUid"}) {  // 2.x only
                try {
                    Object value = type.getMethod(optional).invoke(state);
                    if (value instanceof java.util.Optional && ((java.util.Optional<?>) value).isPresent()) {
                        out.append(optional.equals("getOperatorName") ? ",\"name\":" : ",\"uid\":");
                        Json.string(out, String.valueOf(((java.util.Optional<?>) value).get()));
                    }
                } catch (NoSuchMethodException absent) {
                    // 1.20: the metadata names operators by their id only
                }
            }
            out.append(",\"parallelism\":").append(type.getMethod("getParallelism").invoke(state));
            out.append(",\"maxParallelism\":").append(type.getMethod("getMaxParallelism").invoke(state));
            out.append(",\"stateBytes\":").append(type.getMethod("getStateSize").invoke(state));
            boolean keyed = false;
            boolean operatorState = false;
            for (Object subtask : (java.util.Collection<?>) type.getMethod("getStates").invoke(state)) {
                keyed |= has(subtask, "getManagedKeyedState") || has(subtask, "getRawKeyedState");
                operatorState |= has(subtask, "getManagedOperatorState") || has(subtask, "getRawOperatorState");
            }
            out.append(",\"keyed\":").append(keyed);
            out.append(",\"operatorState\":").append(operatorState);
            out.append(",\"coordinator\":").append(type.getMethod("getCoordinatorState").invoke(state) != null);
            out.append('}');
        }

        private static boolean has(Object subtask, String getter) throws Throwable {
            Object collection = subtask.getClass().getMethod(getter).invoke(subtask);
            return (Boolean) collection.getClass().getMethod("hasState").invoke(collection);
        }
    }

    /**
     * A preview's rows: the result table as it stands (inserts and update-afters added, update-befores and
     * deletes taking out one equal row) and, for an updating query, its changelog (the first changes only).
     */
    static final class Rows {
        private final int limit;
        private final long maxBytes;
        private final List<String> table = new ArrayList<>();
        private final List<String> changes = new ArrayList<>();
        private boolean updating;
        private long bytes;
        /** Where the kept changes also go as they arrive (a live preview), or null. */
        Live live;

        Rows(int limit, long maxBytes) {
            this.limit = limit;
            this.maxBytes = maxBytes;
        }

        /** Adds one change; answers why the preview stops now (LIMIT, BYTES) or null. */
        String add(String kind, String values) {
            if (!kind.equals("+I")) {
                updating = true;
            }
            if (changes.size() < limit) {
                String change = "{\"kind\":\"" + kind + "\",\"row\":" + values + "}";
                changes.add(change);
                bytes += values.length() + 20;
                if (live != null && bytes <= maxBytes) {
                    live.add(change);
                }
            }
            if (kind.equals("+I") || kind.equals("+U")) {
                table.add(values);
                bytes += values.length();
            } else {
                table.remove(values);
            }
            if (bytes > maxBytes) {
                return "BYTES";
            }
            return table.size() >= limit ? "LIMIT" : null;
        }

        void json(StringBuilder out) {
            out.append(",\"rows\":[").append(String.join(",", table)).append(']');
            out.append(",\"updating\":").append(updating);
            out.append(",\"changes\":[").append(updating ? String.join(",", changes) : "").append(']');
        }
    }

    /**
     * A live preview's changes as they arrive, for hlink to read through the job manager's REST address: every
     * 200 ms the changes since the last write become one file of the job manager's log folder,
     * {@code hlink-preview-<job id>-<n>.json} (a JSON array, written under another name and renamed, so it is
     * never read half-written), which {@code GET /jobmanager/logs/<name>} serves. The files hold at most the
     * preview's kept changes (its limit, its bytes) and are deleted when the preview ends. Without a log folder
     * (no {@code log.file}) nothing is written: the rows come at the end only.
     */
    static final class Live {
        private final java.io.File folder;
        private final String prefix;
        private final List<String> pending = new ArrayList<>();
        private final List<java.io.File> written = new ArrayList<>();
        private final Thread writer;
        private int next = 1;
        private boolean closed;

        private Live(java.io.File folder, String job) {
            this.folder = folder;
            this.prefix = "hlink-preview-" + job + "-";
            writer = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(200);
                        write();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hlink-preview-live");
            writer.setDaemon(true);
            writer.start();
        }

        static Live start(String job) {
            String file = System.getProperty("log.file");
            java.io.File folder = file == null || job.isEmpty() ? null : new java.io.File(file).getParentFile();
            return folder != null && folder.isDirectory() ? new Live(folder, job) : null;
        }

        synchronized void add(String change) {
            pending.add(change);
        }

        private synchronized void write() {
            if (closed || pending.isEmpty()) {
                return;
            }
            String name = prefix + String.format("%05d", next);
            java.io.File part = new java.io.File(folder, "." + name + ".part");
            java.io.File done = new java.io.File(folder, name + ".json");
            try {
                java.nio.file.Files.write(part.toPath(), ("[" + String.join(",", pending) + "]")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                java.nio.file.Files.move(part.toPath(), done.toPath(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                written.add(done);
                pending.clear();
                next++;
            } catch (java.io.IOException e) {
                part.delete();  // tried again next time: the changes are still pending
            }
        }

        /** The preview ended: no more files, and those written are deleted (the answer carries every row). */
        void close() {
            writer.interrupt();
            synchronized (this) {  // after a write in progress, and before any other: none comes after this
                closed = true;
                for (java.io.File f : written) {
                    f.delete();
                }
                pending.clear();
            }
        }
    }

    /** Values as JSON: numbers (DECIMAL as text, exact), text, booleans, nulls; rows, arrays and maps nested. */
    static final class Json {
        private Json() {}

        static void value(StringBuilder out, Object row, Method arity, Method field) throws Throwable {
            int n = (Integer) arity.invoke(row);
            out.append('[');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                any(out, field.invoke(row, i), arity, field);
            }
            out.append(']');
        }

        private static void any(StringBuilder out, Object v, Method arity, Method field) throws Throwable {
            if (v == null) {
                out.append("null");
            } else if (v instanceof Boolean) {
                out.append(v);
            } else if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
                out.append(v);
            } else if (v instanceof Float || v instanceof Double) {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    string(out, String.valueOf(d));
                } else {
                    out.append(v);
                }
            } else if (v instanceof java.math.BigDecimal) {
                string(out, ((java.math.BigDecimal) v).toPlainString());
            } else if (v instanceof byte[]) {
                string(out, java.util.Base64.getEncoder().encodeToString((byte[]) v));
            } else if (arity.getDeclaringClass().isInstance(v)) {
                value(out, v, arity, field);
            } else if (v instanceof Map) {
                out.append('{');
                boolean more = false;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    if (more) {
                        out.append(',');
                    }
                    more = true;
                    string(out, String.valueOf(e.getKey()));
                    out.append(':');
                    any(out, e.getValue(), arity, field);
                }
                out.append('}');
            } else if (v instanceof Iterable) {
                out.append('[');
                boolean more = false;
                for (Object item : (Iterable<?>) v) {
                    if (more) {
                        out.append(',');
                    }
                    more = true;
                    any(out, item, arity, field);
                }
                out.append(']');
            } else if (v.getClass().isArray()) {
                out.append('[');
                int n = java.lang.reflect.Array.getLength(v);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    any(out, java.lang.reflect.Array.get(v, i), arity, field);
                }
                out.append(']');
            } else {
                string(out, String.valueOf(v));  // times and dates in ISO 8601, anything else as Flink prints it
            }
        }

        static void string(StringBuilder out, String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
