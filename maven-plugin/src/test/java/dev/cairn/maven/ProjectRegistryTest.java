package dev.cairn.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationSource;
import java.io.File;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class ProjectRegistryTest {

    static final class Billing implements MigrationSource {
        @Override
        public List<MigrationDescriptor> migrations() {
            return List.of();
        }
    }

    static final class Accounts implements MigrationSource {
        @Override
        public List<MigrationDescriptor> migrations() {
            return List.of();
        }
    }

    private record Listed(MigrationSource get) implements ServiceLoader.Provider<MigrationSource> {
        @Override
        public Class<? extends MigrationSource> type() {
            return get.getClass();
        }
    }

    private static final Listed BILLING = new Listed(new Billing());
    private static final Listed ACCOUNTS = new Listed(new Accounts());
    private static final File CLASSES = new File("target/classes");

    @Test
    void theOnlyRegistry_isChosen() throws MojoExecutionException {
        assertSame(BILLING, ProjectRegistry.choose(List.of(BILLING), null, CLASSES));
    }

    @Test
    void severalRegistries_areRefused_namingThem() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> ProjectRegistry.choose(List.of(BILLING, ACCOUNTS), null, CLASSES));

        assertEquals("The classpath has 2 Cairn migration registries: " + Billing.class.getName() + ", "
                + Accounts.class.getName() + ". Name the one to run with <registry> (or -Dcairn.registry=...).", e.getMessage());
    }

    @Test
    void theNamedRegistry_isChosenAmongSeveral() throws MojoExecutionException {
        assertSame(ACCOUNTS, ProjectRegistry.choose(List.of(BILLING, ACCOUNTS), Accounts.class.getName(), CLASSES));
    }

    @Test
    void aNamedRegistryNotListed_isAClearError() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> ProjectRegistry.choose(List.of(BILLING), "com.example.Nope", CLASSES));

        assertEquals("<registry> is com.example.Nope, but the classpath's registries are: " + Billing.class.getName() + ".",
                e.getMessage());
    }

    @Test
    void noRegistry_saysToCompileWithTheProcessor() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> ProjectRegistry.choose(List.of(), null, CLASSES));

        assertEquals("No Cairn migration registry found in " + CLASSES + " or the runtime classpath. Compile the module"
                + " first (run the goal in or after the compile phase, such as mvn compile cairn:migrate), with"
                + " cairn-processor on the compiler's annotationProcessorPaths and at least one @Migration class.",
                e.getMessage());
    }
}
