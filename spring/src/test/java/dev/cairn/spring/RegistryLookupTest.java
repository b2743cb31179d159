package dev.cairn.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.spring.app.TestApplication;
import dev.cairn.spring.app.db.MigrationRegistry;
import dev.cairn.test.CairnTest;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.io.DefaultResourceLoader;

/** How the application's registry is found: through its service file, or the class cairn.registry names. */
class RegistryLookupTest {

    @TempDir
    Path directory;

    @Test
    void theOneListedRegistry_isUsed() {
        assertInstanceOf(MigrationRegistry.class,
                RegistryLookup.find(null, ServiceFiles.listing(directory, MigrationRegistry.class.getName())));
    }

    @Test
    void noListedRegistry_isRefused_sayingHowToGetOne() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> RegistryLookup.find(null, ServiceFiles.listing(directory)));

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertTrue(e.getMessage().startsWith("Cairn found no migration registry"), e.getMessage());
        assertTrue(e.getMessage().contains("cairn.registry=com.example.MigrationRegistry"), e.getMessage());
    }

    @Test
    void aNamedRegistry_isUsed_amongSeveral() {
        ClassLoader loader = ServiceFiles.listing(directory, MigrationRegistry.class.getName(), OtherRegistry.class.getName());

        assertInstanceOf(OtherRegistry.class, RegistryLookup.find(OtherRegistry.class.getName(), loader));
    }

    @Test
    void aNamedClassThatIsMissing_isRefusedByName() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> RegistryLookup.find("com.example.MigrationRegistry", getClass().getClassLoader()));

        assertEquals("cairn.registry names com.example.MigrationRegistry, which is not on the class path. Give the "
                + "fully qualified name of the generated registry, such as com.example.MigrationRegistry.", e.getMessage());
    }

    @CairnTest(databases = DatabaseKind.SQLITE)
    void severalListedRegistries_stopStartup_askingWhichOne(TestDatabase database) {
        SpringApplication application = new SpringApplication(TestApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setResourceLoader(new DefaultResourceLoader(
                ServiceFiles.listing(directory, MigrationRegistry.class.getName(), OtherRegistry.class.getName())));
        StartupFailureLog.drain();

        assertThrows(RuntimeException.class, () -> application.run("--spring.datasource.url=" + database.jdbcUrl()).close());

        assertTrue(StartupFailureLog.drain().contains("Description:\n\nCairn found 2 migration registries on the class path: "
                + "dev.cairn.spring.OtherRegistry, dev.cairn.spring.app.db.MigrationRegistry. Say which one this "
                + "application migrates with, for instance cairn.registry=dev.cairn.spring.OtherRegistry."));
        assertEquals(List.of(), database.tables());
    }
}
