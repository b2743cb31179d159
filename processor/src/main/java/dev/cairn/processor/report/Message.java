package dev.cairn.processor.report;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor reports, in one place. Each starts with a stable key in
 * brackets, such as {@code [Cairn/DependencyCycle]}, that tools and people can search for; the
 * wording after it may improve between releases. Tests assert on {@link #format} so that wording
 * changes in one place.
 */
public enum Message {
    INVALID_VERSION(Kind.ERROR, "InvalidVersion",
            "Migration %s has version \"%s\", which is not a migration version: %s."),
    INVALID_DEPENDENCY(Kind.ERROR, "InvalidDependency",
            "Migration %s depends on \"%s\", which is not a migration version: %s."),
    DUPLICATE_VERSION(Kind.ERROR, "DuplicateVersion",
            "Migration %s has the same version as %s. A version identifies one migration:"
                    + " give one of them a new version."),
    UNKNOWN_DEPENDENCY(Kind.ERROR, "UnknownDependency",
            "Migration %s depends on version %s, but no migration has that version.%s"),
    SELF_DEPENDENCY(Kind.ERROR, "SelfDependency",
            "Migration %s depends on itself. Remove \"%s\" from dependsOn."),
    DUPLICATE_DEPENDENCY(Kind.WARNING, "DuplicateDependency",
            "Migration %s lists version %s more than once in dependsOn. Remove the repeated entry."),
    DEPENDENCY_CYCLE(Kind.ERROR, "DependencyCycle",
            "Migration %s is part of a dependency cycle of %d migrations: %s. No order can satisfy it:"
                    + " remove one of the dependsOn entries along it (each member's is marked with an error)."),
    DEPENDENCY_CYCLE_MEMBER(Kind.ERROR, "DependencyCycle",
            "Migration %s is part of the dependency cycle reported on %s."),
    LATER_DEPENDENCY(Kind.WARNING, "LaterDependency",
            "Migration %s depends on %s, a later version, so it will run after it: plan order follows"
                    + " dependencies, not version numbers. If that is intended, add @SuppressWarnings(\"cairn\")"
                    + " to the class (in an SQL file's header: -- cairn: allow=LaterDependency); otherwise give it a"
                    + " version after %s."),
    MISSING_ROLLBACK(Kind.ERROR, "MissingRollback",
            "Migration %s is reversible but does not implement down(). Add the rollback:%n%n"
                    + "    @Override%n"
                    + "    public void down(MigrationContext ctx) throws Exception {%n"
                    + "        // undo what up() did%n"
                    + "    }%n%n"
                    + "or declare the migration irreversible with @Migration(..., reversible = false)."),
    MISSING_BACKWARD(Kind.ERROR, "MissingRollback",
            "Data migration %s is reversible but does not override backward(). Add the batches that undo forward():%n%n"
                    + "    @Override%n"
                    + "    protected Batches backward(Database database) {%n"
                    + "        return Batches.from(\"...\").key(\"id\").each((row, batch) -> { /* undo what forward did */ });%n"
                    + "    }%n%n"
                    + "or declare the migration irreversible with @Migration(..., reversible = false)."),
    UNUSED_BACKWARD(Kind.WARNING, "UnusedRollback",
            "Data migration %s is declared reversible = false but overrides backward(), which is never called."
                    + " Remove backward(), or remove reversible = false to make the migration reversible."),
    UNUSED_ROLLBACK(Kind.WARNING, "UnusedRollback",
            "Migration %s is declared reversible = false but implements down(), which is never called."
                    + " Remove down(), or remove reversible = false to make the migration reversible."),
    NOT_A_CLASS(Kind.ERROR, "NotAClass",
            "@Migration is for classes, but %s is %s. Move the annotation to a class that implements"
                    + " dev.cairn.runtime.JavaMigration."),
    NOT_A_JAVA_MIGRATION(Kind.ERROR, "NotAJavaMigration",
            "Class %s is annotated @Migration but does not implement dev.cairn.runtime.JavaMigration."
                    + " Add \"implements JavaMigration\" and its up(MigrationContext) method."),
    ABSTRACT_MIGRATION(Kind.ERROR, "AbstractMigration",
            "Migration class %s is abstract, so it cannot be created. Make it concrete, or move"
                    + " @Migration to a concrete subclass."),
    GENERIC_MIGRATION(Kind.ERROR, "GenericMigration",
            "Migration class %s has type parameters, so it cannot be created without choosing them."
                    + " Remove the type parameters, or move @Migration to a subclass that fixes them."),
    INNER_MIGRATION(Kind.ERROR, "InnerMigration",
            "Migration class %s is an inner class, so it can only be created through an instance of"
                    + " %s. Declare it static."),
    INACCESSIBLE_MIGRATION(Kind.ERROR, "InaccessibleMigration",
            "Migration class %s is not accessible from the generated MigrationRegistry in package %s."
                    + " Make %s."),
    OUTSIDE_REGISTRY_PACKAGE(Kind.ERROR, "InaccessibleMigration",
            "Migration class %1$s is package-private in %2$s, but the MigrationRegistry is generated in %3$s,"
                    + " where it reaches the most migrations (%4$d of %5$d), and cannot reach this one from there."
                    + " Make it public, or move it to %3$s, or choose the registry's package with -Acairn.package"
                    + " (Maven: <compilerArgs><arg>-Acairn.package=%2$s</arg></compilerArgs>;"
                    + " Gradle: options.compilerArgs += ['-Acairn.package=%2$s']); migrations outside that"
                    + " package must then be public."),
    NO_ACCESSIBLE_CONSTRUCTOR(Kind.ERROR, "NoAccessibleConstructor",
            "Migration class %s has no no-argument constructor that the generated MigrationRegistry in"
                    + " package %s can call. Add a %sno-argument constructor, or remove the other constructors."),
    NO_COMMON_PACKAGE(Kind.ERROR, "NoCommonPackage",
            "The migrations are in packages that share no common package (%s), so there is no package"
                    + " to put the MigrationRegistry in. Pass -Acairn.package=<package> to javac,"
                    + " or move the migrations under one package."),
    INVALID_PACKAGE_OPTION(Kind.ERROR, "InvalidPackageOption",
            "-Acairn.package=%s is not a Java package name. Use a name such as com.example.db."),
    LATE_MIGRATION(Kind.ERROR, "LateMigration",
            "Migration class %s was generated by another annotation processor after the MigrationRegistry"
                    + " had been written, so it is not in the registry. Write it by hand, or have it"
                    + " generated before @Migration classes are processed."),
    REGISTRY_NAME_TAKEN(Kind.ERROR, "RegistryNameTaken",
            "There is already a class %s, so the migrations' registry cannot be generated there. Rename"
                    + " that class, or choose another package for the registry with -Acairn.package=<package>."),
    STALE_REGISTRY(Kind.ERROR, "StaleRegistry",
            "%s from an earlier build is on the classpath, and this compilation cannot replace it: it"
                    + " probably recompiles only some of the migrations. Rebuild the whole module (for"
                    + " example mvn clean compile, or Rebuild Project in the IDE)."),
    REGISTRY_WAITING(Kind.NOTE, "RegistryWaiting",
            "No MigrationRegistry was generated: migration %s refers to a type or constant that does not"
                    + " exist (see the errors above). Fix that, and the registry is generated again."),
    NO_VERSION_CONSTANTS(Kind.NOTE, "NoVersionConstants",
            "The MigrationRegistry has %d migrations, more than the %d that get a constant each (such as V1"
                    + " for version \"1\"), so it has none: a class file holds at most 65,535 constants, and"
                    + " version constants would take most of them. Refer to a migration by its version as a"
                    + " string instead, such as migrator.migrate(\"%s\") or migrator.rollback(\"%s\")."),
    REGISTRY_NOT_WRITTEN(Kind.ERROR, "RegistryNotWritten",
            "Could not write %s: %s. Check that the build's output directories are writable."),
    CONSTRUCTOR_THROWS(Kind.ERROR, "ConstructorThrows",
            "The no-argument constructor of migration class %s declares checked exceptions (%s), which the"
                    + " generated MigrationRegistry cannot handle when it creates the migration. Move that"
                    + " work into up(), which may throw any exception."),
    STRUCTURE_CHECKSUMS(Kind.NOTE, "StructureChecksums",
            "This compiler offers no source trees, so migration checksums cover each class's structure"
                    + " (members, signatures, constants) but not its method bodies. Compile with javac for"
                    + " checksums of the whole source."),
    SQL_LOCATION_INVALID(Kind.ERROR, "SqlDirectoryNotFound",
            "@SqlMigrations(\"%s\") on %s is not a directory path on the classpath. Name it the way Flyway's"
                    + " locations do, relative to the resources, such as \"db/migration\"."),
    SQL_RESOURCES_UNKNOWN(Kind.ERROR, "SqlDirectoryNotFound",
            "@SqlMigrations(\"%s\") on %s: Cairn cannot tell where this module's resources are, because %s."
                    + " Pass the resources directory to javac as -Acairn.resources=<absolute path> (Maven:"
                    + " <compilerArgs><arg>-Acairn.resources=${project.basedir}/src/main/resources</arg></compilerArgs>)."),
    SQL_DIRECTORY_NOT_FOUND(Kind.ERROR, "SqlDirectoryNotFound",
            "@SqlMigrations(\"%s\") on %s names no directory: %s does not exist. Create it and put the migration"
                    + " files there (V1__create_users.sql, ...), or, when the module's resources are elsewhere,"
                    + " pass -Acairn.resources=<absolute path of the resources directory> to javac."),
    SQL_DIRECTORY_EMPTY(Kind.ERROR, "SqlDirectoryEmpty",
            "@SqlMigrations(\"%s\") on %s: %s holds no SQL migration file. Add V<version>__<description>.sql files"
                    + " there, such as V1__create_users.sql, or remove the annotation."),
    INVALID_RESOURCES_OPTION(Kind.ERROR, "InvalidResourcesOption",
            "-Acairn.resources=%s is not a directory. Pass the absolute path of the module's resources directory,"
                    + " such as -Acairn.resources=${project.basedir}/src/main/resources in Maven."),
    SEVERAL_SQL_DIRECTORIES(Kind.ERROR, "SeveralSqlDirectories",
            "@SqlMigrations is on %s and on %s, but a compilation has one SQL migration directory: like a Flyway"
                    + " directory, it is one line of versions. Keep one annotation, and move the other's files into its"
                    + " directory."),
    LATE_SQL_MIGRATIONS(Kind.ERROR, "LateMigration",
            "@SqlMigrations on %s was generated by another annotation processor after the MigrationRegistry had been"
                    + " written, so its files are not in the registry. Write it by hand in package-info.java."),
    SQL_FILE_NAME(Kind.ERROR, "SqlFileName",
            "%s is not named as an SQL migration: %s. Name it V<version>__<description>.sql (V2_1__add_users.sql is"
                    + " version 2.1), U<version>__<description>.sql for the undo of a version, or R__<name>.sql for a"
                    + " repeatable migration."),
    SQL_FILE_IGNORED(Kind.NOTE, "SqlFileIgnored",
            "%s is not an .sql file, so it is no migration; Cairn leaves it out, as Flyway does."),
    SQL_FILE_UNREADABLE(Kind.ERROR, "SqlFileUnreadable",
            "Cannot read %s: %s. Save it as UTF-8 text."),
    UNDO_WITHOUT_MIGRATION(Kind.ERROR, "UndoWithoutMigration",
            "%s undoes version %s, but there is no migration file V%s__<description>.sql. Give it the version of the"
                    + " migration it undoes, or delete it."),
    DUPLICATE_UNDO(Kind.ERROR, "DuplicateUndo",
            "%s and %s both undo version %s. Keep one of them."),
    DUPLICATE_REPEATABLE(Kind.ERROR, "DuplicateRepeatable",
            "%s and %s are both the repeatable migration \"%s\". Rename one of them."),
    SQL_HEADER(Kind.ERROR, "SqlHeader",
            "%s. Header lines at the top of the file read -- cairn: dependsOn=2.1, 3 or -- cairn: transactional=false"
                    + " or -- cairn: reversible=false or -- cairn: allow=<warning>, ...; -- cairn:allow <warning> on the"
                    + " line above a statement silences a warning about that statement."),
    MISSING_UNDO(Kind.ERROR, "MissingRollback",
            "Migration %s is declared reversible=true but has no undo file. Add %s with the SQL that undoes it, or"
                    + " remove reversible=true: a migration file without an undo file is irreversible."),
    UNUSED_UNDO(Kind.WARNING, "UnusedRollback",
            "Migration %s is declared reversible=false, so its undo file %s is never run. Delete the undo file, or"
                    + " remove reversible=false. To keep both, add -- cairn: allow=UnusedRollback to the header."),
    LINT_CREATE_INDEX(Kind.WARNING, "LintCreateIndexNotConcurrently",
            "Migration %s creates an index on %s without CONCURRENTLY: PostgreSQL blocks every write to the table"
                    + " (INSERT, UPDATE, DELETE) until the index is built, minutes on a big table. Create it with CREATE"
                    + " INDEX CONCURRENTLY, in a migration of its own with transactional=false.%s"),
    LINT_CONCURRENTLY_IN_TRANSACTION(Kind.ERROR, "LintConcurrentlyInTransaction",
            "Migration %s runs a CONCURRENTLY statement, but it is transactional, and PostgreSQL refuses to run"
                    + " CONCURRENTLY inside a transaction block. Make the migration non-transactional (%s), and keep"
                    + " the statement in a migration of its own."),
    LINT_ADD_NOT_NULL_COLUMN(Kind.WARNING, "LintAddNotNullColumnWithoutDefault",
            "Migration %s adds a NOT NULL column without a DEFAULT to %s: that fails as soon as the table has a row."
                    + " Add the column with a DEFAULT, or add it nullable, fill it, and then set it NOT NULL.%s"),
    LINT_ALTER_COLUMN_TYPE(Kind.WARNING, "LintAlterColumnType",
            "Migration %s changes the type of a column of %s: PostgreSQL rewrites the whole table (and its"
                    + " indexes) under a lock that blocks reads and writes. Add a column of the new type, fill it in"
                    + " batches, and switch to it.%s"),
    LINT_CONSTRAINT_WITHOUT_NOT_VALID(Kind.WARNING, "LintConstraintWithoutNotValid",
            "Migration %s adds a foreign key or check constraint to %s without NOT VALID: PostgreSQL checks every"
                    + " row while it blocks writes to the table. Add it with NOT VALID, then run ALTER TABLE ..."
                    + " VALIDATE CONSTRAINT in a later migration, which does not block writes.%s"),
    LINT_SET_NOT_NULL(Kind.WARNING, "LintSetNotNull",
            "Migration %s sets a column of %s NOT NULL: PostgreSQL scans the whole table while it blocks reads and"
                    + " writes. Add a CHECK (column IS NOT NULL) NOT VALID constraint, validate it in a later migration,"
                    + " and then SET NOT NULL, which uses the validated constraint instead of a scan.%s"),
    LINT_RENAME(Kind.WARNING, "LintRename",
            "Migration %s renames %s: the application still running during the deploy uses the old name and fails."
                    + " Add the new name next to the old one (a new column filled by a trigger, or a view), switch the"
                    + " application, and drop the old name in a later migration.%s"),
    LINT_DROP_IN_REVERSIBLE(Kind.WARNING, "LintDropInReversibleMigration",
            "Migration %s is declared reversible but drops %s: its rollback can recreate the structure, not the data"
                    + " that was in it. Declare the migration irreversible (%s), or keep the data until a later,"
                    + " irreversible migration drops it.%s"),
    SQL_REPLAY_FAILED(Kind.ERROR, "SqlReplayFailed",
            "Statement %d of migration %s fails on SQLite: %s. Cairn replays every migration in plan order on an"
                    + " empty in-memory SQLite database at compile time; fix the statement (the migrations before it"
                    + " have run, so a missing table or column is one they do not create)."),
    SQL_UNDO_REPLAY_FAILED(Kind.ERROR, "SqlReplayFailed",
            "Statement %d of undo file %s fails on SQLite: %s. After replaying the migrations, Cairn rolls them back"
                    + " through their undo files, newest first, at compile time; fix the statement (the undo files of"
                    + " the migrations after it have run)."),
    SQL_SYNTAX(Kind.ERROR, "SqlSyntax",
            "Statement %d of migration %s is not valid PostgreSQL: %s."),
    SQL_NOT_PARSED(Kind.NOTE, "SqlNotParsed",
            "%d of %d PostgreSQL statements are beyond the parser (JSqlParser), so their syntax was not checked at"
                    + " compile time: %s. Replay the migrations on a real PostgreSQL in a test (the cairn-test kit does)"
                    + " to check them."),
    SQL_REPLAY_STOPPED(Kind.NOTE, "SqlReplayStopped",
            "The compile-time replay on SQLite stopped before migration %s: %s, so the migrations from there on were"
                    + " not replayed. Test them on a real database (the cairn-test kit does)."),
    INTERNAL_ERROR(Kind.ERROR, "InternalError",
            "Internal error in the Cairn processor; please report it with this stack trace:%n%s");

    private static final String LINT_PREFIX = "Lint";

    private final Kind kind;
    private final String key;
    private final String template;

    Message(Kind kind, String key, String template) {
        this.kind = kind;
        this.key = key;
        this.template = template;
    }

    /** Error, warning or note. */
    public Kind kind() {
        return kind;
    }

    /** The stable key in brackets that starts the message, such as {@code [Cairn/DependencyCycle]}. */
    public String key() {
        return "[Cairn/" + key + "]";
    }

    /** The bare key, such as {@code DependencyCycle}, which also names the warning in a suppression. */
    public String keyName() {
        return key;
    }

    /** The keys of the warnings, which {@code @SuppressWarnings("cairn.<Key>")} and SQL {@code allow} silence. */
    public static Set<String> warningKeys() {
        return Arrays.stream(values()).filter(message -> message.kind == Kind.WARNING).map(Message::keyName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The warning a name in a suppression means: its key, matched case-insensitively, and a
     * lint's key also without its {@code Lint} prefix ({@code CreateIndexNotConcurrently}).
     */
    public static Optional<String> warningKey(String name) {
        return warningKeys().stream()
                .filter(key -> key.equalsIgnoreCase(name) || key.startsWith(LINT_PREFIX)
                        && key.substring(LINT_PREFIX.length()).equalsIgnoreCase(name))
                .findFirst();
    }

    /** The full message text. */
    public String format(Object... args) {
        return key() + " " + String.format(template, args);
    }
}
