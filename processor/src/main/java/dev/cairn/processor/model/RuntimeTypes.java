package dev.cairn.processor.model;

import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Names of the runtime's types that the processor checks migrations against, found on the
 * compilation's classpath (the processor's own copy of the runtime may be another version).
 */
public final class RuntimeTypes {

    /** What every migration implements. */
    public static final String JAVA_MIGRATION = "dev.cairn.runtime.JavaMigration";

    /** The base class of batched data migrations, whose rollback is {@code backward}, not {@code down}. */
    public static final String DATA_MIGRATION = "dev.cairn.runtime.data.DataMigration";

    /** Whether {@code type} extends {@link #DATA_MIGRATION}, when the compilation has that class. */
    public static boolean isDataMigration(TypeElement type, Elements elements, Types types) {
        TypeElement dataMigration = elements.getTypeElement(DATA_MIGRATION);
        return dataMigration != null && types.isSubtype(types.erasure(type.asType()), types.erasure(dataMigration.asType()));
    }

    private RuntimeTypes() {
    }
}
