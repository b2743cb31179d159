package dev.cairn.processor.sqlfile;

import dev.cairn.processor.report.Message;
import dev.cairn.runtime.internal.sql.SqlFlavor;
import dev.cairn.runtime.internal.sql.SqlLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- cairn:} comments of an SQL file. The header, the comment lines before the first
 * statement, may hold one setting per line:
 *
 * <pre>
 * -- cairn: dependsOn=2.1, 3        (replaces the dependency on the previous version; empty: none)
 * -- cairn: transactional=false
 * -- cairn: reversible=false        (or true, which requires the undo file)
 * -- cairn: allow=LaterDependency, CreateIndexNotConcurrently   (warnings silenced for the file)
 * </pre>
 *
 * <p>Anywhere in the file, {@code -- cairn:allow <Warning>, ...} silences those warnings for the
 * statement it stands above or in. Keys and values are case-insensitive. A {@code -- cairn:}
 * comment that is none of these, a setting after the first statement or in an undo or repeatable
 * file (which take only {@code allow}), an unknown warning or a bad value is a problem on its line:
 * a typo is never silently ignored.
 */
public final class SqlDirectives {

    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*cairn\\s*:\\s*(.*?)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATEMENT_ALLOW = Pattern.compile("allow\\s+([^=]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SETTING = Pattern.compile("(\\w+)\\s*=\\s*(.*)");
    private static final List<String> KEYS = List.of("dependsOn", "transactional", "reversible", "allow");
    private static final String FILE_ONLY_KEY = "allow";

    /** An entry of {@code dependsOn} and its line. */
    public record Entry(String text, int line) {
    }

    /** A {@code true} or {@code false} setting and its line. */
    public record Setting(boolean value, int line) {
    }

    /** What {@code -- cairn:allow} silences for the statement it stands above or in: from {@code offset} on. */
    public record StatementAllow(int offset, int line, Set<String> warnings) {
    }

    /** A problem with a directive, on its line. */
    public record Problem(int line, String text) {
    }

    private Optional<List<Entry>> dependsOn = Optional.empty();
    private Optional<Setting> transactional = Optional.empty();
    private Optional<Setting> reversible = Optional.empty();
    private final Set<String> allowed = new TreeSet<>();
    private final List<StatementAllow> statementAllows = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    private SqlDirectives() {
    }

    /**
     * Reads the directives of an SQL file.
     *
     * @param settingsAllowed whether the file may set dependsOn, transactional and reversible (a
     *     {@code V} file); undo and repeatable files take only {@code allow}
     */
    public static SqlDirectives read(String text, SqlFlavor flavor, boolean settingsAllowed) {
        SqlDirectives directives = new SqlDirectives();
        LineIndex lines = new LineIndex(text);
        boolean inHeader = true;
        for (SqlLexer.Token token : SqlLexer.tokens(text, flavor)) {
            if (token.kind() != SqlLexer.Kind.COMMENT) {
                inHeader = false;
                continue;
            }
            Matcher directive = DIRECTIVE.matcher(token.text(text));
            if (directive.matches()) {
                directives.directive(directive.group(1), token.start(), lines.lineOf(token.start()), inHeader,
                        settingsAllowed);
            }
        }
        return directives;
    }

    private void directive(String body, int offset, int line, boolean inHeader, boolean settingsAllowed) {
        Matcher statementAllow = STATEMENT_ALLOW.matcher(body);
        if (statementAllow.matches()) {
            warnings(statementAllow.group(1), line).ifPresent(keys -> statementAllows.add(new StatementAllow(offset, line, keys)));
            return;
        }
        Matcher setting = SETTING.matcher(body);
        if (!setting.matches()) {
            problems.add(new Problem(line, "\"-- cairn: " + body + "\" is not a directive: write key=value"));
            return;
        }
        Optional<String> key = KEYS.stream().filter(known -> known.equalsIgnoreCase(setting.group(1))).findFirst();
        if (key.isEmpty()) {
            problems.add(new Problem(line, "Unknown header key \"" + setting.group(1) + "\": the keys are "
                    + String.join(", ", KEYS)));
            return;
        }
        if (!inHeader) {
            problems.add(new Problem(line, "\"-- cairn: " + body + "\" comes after the first statement, where no setting"
                    + " applies: move it up to the comment lines at the top of the file"));
            return;
        }
        if (!settingsAllowed && !key.get().equals(FILE_ONLY_KEY)) {
            problems.add(new Problem(line, key.get() + " is a setting of the migration's V file: an undo or repeatable"
                    + " file takes only allow"));
            return;
        }
        Integer earlier = seen.putIfAbsent(key.get(), line);
        if (earlier != null) {
            problems.add(new Problem(line, key.get() + " is already set on line " + earlier + ": keep one of them"));
            return;
        }
        String value = setting.group(2).strip();
        switch (key.get()) {
            case "dependsOn" -> dependsOn = entries(value, line);
            case "transactional" -> transactional = bool(key.get(), value, line);
            case "reversible" -> reversible = bool(key.get(), value, line);
            default -> warnings(value, line).ifPresent(allowed::addAll);
        }
    }

    private Optional<List<Entry>> entries(String value, int line) {
        if (value.isEmpty()) {
            return Optional.of(List.of());
        }
        List<Entry> entries = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            if (entry.isBlank()) {
                problems.add(new Problem(line, "dependsOn=" + value + " has an empty entry: list versions separated by"
                        + " commas, such as dependsOn=2.1, 3"));
                return Optional.empty();
            }
            entries.add(new Entry(entry.strip(), line));
        }
        return Optional.of(entries);
    }

    private Optional<Setting> bool(String key, String value, int line) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Optional.of(new Setting(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)), line));
        }
        problems.add(new Problem(line, key + " is true or false, not \"" + value + "\""));
        return Optional.empty();
    }

    private Optional<Set<String>> warnings(String list, int line) {
        Set<String> keys = new LinkedHashSet<>();
        for (String entry : list.split(",", -1)) {
            String name = entry.strip();
            Optional<String> key = Message.warningKey(name);
            if (key.isEmpty()) {
                problems.add(new Problem(line, (name.isEmpty() ? "An empty warning name" : "Unknown warning \"" + name + "\"")
                        + " in allow: the warnings are " + String.join(", ", Message.warningKeys())));
                return Optional.empty();
            }
            keys.add(key.get());
        }
        return Optional.of(keys);
    }

    /** The {@code dependsOn} entries, empty when the header does not set it (the file then follows the previous version). */
    public Optional<List<Entry>> dependsOn() {
        return dependsOn;
    }

    /** The {@code transactional} setting, if any. */
    public Optional<Setting> transactional() {
        return transactional;
    }

    /** The {@code reversible} setting, if any. */
    public Optional<Setting> reversible() {
        return reversible;
    }

    /** The warnings the header's {@code allow} silences for the whole file. */
    public Set<String> allowed() {
        return Set.copyOf(allowed);
    }

    /** The {@code -- cairn:allow} comments, in order. */
    public List<StatementAllow> statementAllows() {
        return List.copyOf(statementAllows);
    }

    /** What is wrong with the directives, in order. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
