package dev.cairn.spring;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationSource;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the application's generated registry without scanning the class path: the class that
 * {@code cairn.registry} names, or else the one registry listed in
 * {@code META-INF/services/dev.cairn.runtime.MigrationSource}, as the processor writes it.
 */
final class RegistryLookup {

    private RegistryLookup() {
    }

    /**
     * The registry, refused with {@link ErrorCode#INVALID_CONFIGURATION} when there is none, more
     * than one without {@code cairn.registry}, or the named class is not one.
     */
    static MigrationSource find(String registryClass, ClassLoader loader) {
        return registryClass == null || registryClass.isBlank() ? listed(loader) : named(registryClass.strip(), loader);
    }

    private static MigrationSource listed(ClassLoader loader) {
        List<MigrationSource> found = new ArrayList<>();
        ServiceLoader.load(MigrationSource.class, loader).forEach(found::add);
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "Cairn found no migration registry: no "
                    + "META-INF/services/dev.cairn.runtime.MigrationSource on the class path lists one. The Cairn "
                    + "processor writes it when it compiles @Migration classes: put cairn-processor on the "
                    + "annotation processor path of the module that holds them, or name the registry with "
                    + "cairn.registry=com.example.MigrationRegistry. To start without Cairn, set cairn.enabled=false.");
        }
        List<String> names = found.stream().map(source -> source.getClass().getName()).sorted().toList();
        throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "Cairn found " + found.size()
                + " migration registries on the class path: " + String.join(", ", names) + ". Say which one this "
                + "application migrates with, for instance cairn.registry=" + names.get(0) + ".");
    }

    private static MigrationSource named(String registryClass, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(registryClass, false, loader);
        } catch (ClassNotFoundException e) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "cairn.registry names " + registryClass
                    + ", which is not on the class path. Give the fully qualified name of the generated registry, "
                    + "such as com.example.MigrationRegistry.", e);
        }
        if (!MigrationSource.class.isAssignableFrom(type)) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "cairn.registry names " + registryClass
                    + ", which is not a migration registry (it does not implement dev.cairn.runtime.MigrationSource). "
                    + "Give the generated MigrationRegistry of the application's migrations.");
        }
        try {
            return (MigrationSource) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "cairn.registry names " + registryClass
                    + ", which has no public no-argument constructor. Give the generated MigrationRegistry.", e);
        } catch (InvocationTargetException e) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "Creating " + registryClass
                    + " (cairn.registry) failed: " + e.getCause(), e.getCause());
        }
    }
}
