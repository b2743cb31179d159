package dev.cairn.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.Migrator;
import dev.cairn.spring.app.NoteReader;
import dev.cairn.test.CairnTest;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/** The starter without Actuator on the class path: Actuator is an optional dependency of it. */
class CairnWithoutActuatorTest {

    private static final String ENDPOINT = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";
    private static final String HEALTH_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

    @CairnTest(databases = DatabaseKind.SQLITE)
    void withoutActuator_theMigrationsAreApplied_andThereIsNoEndpointOrHealthIndicator(TestDatabase database) {
        try (ConfigurableApplicationContext app = Apps.start(new WithoutActuator(), database,
                "management.endpoints.web.exposure.include=cairn")) {
            assertFalse(ClassUtils.isPresent(ENDPOINT, app.getClassLoader()), "Actuator's endpoints are hidden");
            assertFalse(ClassUtils.isPresent(HEALTH_INDICATOR, app.getClassLoader()), "the health support is hidden");

            assertEquals(List.of("welcome"), app.getBean(NoteReader.class).notesAtStartup());
            assertTrue(app.getBean(Migrator.class).status().isUpToDate());
            assertEquals(List.of(), List.of(app.getBeanNamesForType(CairnEndpoint.class)));
            assertEquals(List.of(), List.of(app.getBeanNamesForType(CairnHealthIndicator.class)));
        }
    }

    /** The same application with Actuator: the difference above is Actuator's absence, nothing else. */
    @CairnTest(databases = DatabaseKind.SQLITE)
    void withActuator_theSameApplication_hasBoth(TestDatabase database) {
        try (ConfigurableApplicationContext app = Apps.start(database, "management.endpoints.web.exposure.include=cairn")) {
            assertTrue(ClassUtils.isPresent(ENDPOINT, app.getClassLoader()));

            assertEquals(List.of("welcome"), app.getBean(NoteReader.class).notesAtStartup());
            assertEquals(List.of("cairnEndpoint"), List.of(app.getBeanNamesForType(CairnEndpoint.class)));
            assertEquals(List.of("cairnHealthIndicator"), List.of(app.getBeanNamesForType(CairnHealthIndicator.class)));
        }
    }
}
