package com.example.shapes;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/** Unusual but valid migrations: each must compile cleanly with -Xlint:all -Werror. */
final class Shapes {
    private Shapes() {
    }

    @Target(ElementType.TYPE_USE)
    @interface NonNull {
    }

    @Migration(version = "1")
    static final class InheritsDown extends Base {
        @Override
        public void up(MigrationContext ctx) throws Exception {
            ctx.execute("CREATE TABLE a (id INTEGER)");
        }

        @Override
        String table() {
            return "a";
        }
    }

    @Migration(version = "2", dependsOn = "1")
    static final class DefaultDown implements DropsItsTable {
        @Override
        public String table() {
            return "b";
        }

        @Override
        public void up(MigrationContext ctx) throws Exception {
            ctx.execute("CREATE TABLE b (id INTEGER)");
        }
    }

    @Migration(version = "3", dependsOn = "2")
    record AsRecord() implements JavaMigration {
        @Override
        public void up(@NonNull MigrationContext ctx) throws Exception {
            ctx.execute("CREATE TABLE c (id INTEGER)");
        }

        @Override
        public void down(@NonNull MigrationContext ctx) throws Exception {
            ctx.execute("DROP TABLE c");
        }
    }

    /** Old, but still part of every database's history. */
    @Deprecated(forRemoval = true)
    @Migration(version = "4", dependsOn = "3", reversible = false,
            description = "Odd text: \"quoted\", back\\slash, new\nline, \u2028separator\u2029, caf\u00e9, */ $L")
    static final class Deprecated4 implements JavaMigration {
        @Override
        public void up(MigrationContext ctx) throws Exception {
            ctx.execute("DELETE FROM a");
        }
    }
}

/** Declared in another class's file, which javac warns about when it is used elsewhere. */
@Migration(version = "5", dependsOn = "4")
final class Auxiliary implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("CREATE TABLE e (id INTEGER)");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE e");
    }
}
