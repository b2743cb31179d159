package dev.cairn.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method once on each database, injecting a fresh, empty {@link TestDatabase} into
 * each run; the database is dropped after it.
 *
 * <pre>{@code
 * @CairnTest
 * void promotesTheTimeouts(TestDatabase database) {
 *     MigrationRegistry.runAll(database.dataSource());
 *     assertEquals(List.of("120"), database.rows("SELECT timeout_seconds FROM routers WHERE name = 'edge-paris'"));
 * }
 *
 * @CairnTest(databases = DatabaseKind.SQLITE)
 * void rebuildsTheTable(TestDatabase database) { ... }
 * }</pre>
 *
 * <p>It is a {@link TestTemplate}: each database is one run, named after it in test reports.
 * {@code @BeforeEach} and {@code @AfterEach} methods may take a {@code TestDatabase} too, and get
 * the test's. It works as a meta-annotation, for a project's own composed annotations.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(CairnExtension.class)
public @interface CairnTest {

    /** The databases to run on; by default every one, in {@link DatabaseKind} order. */
    DatabaseKind[] databases() default {DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL};
}
