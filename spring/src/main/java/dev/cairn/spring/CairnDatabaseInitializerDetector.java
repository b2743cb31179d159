package dev.cairn.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that a {@link CairnMigrationInitializer} initializes the database, so that the
 * beans that depend on database initialization are created after it. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class CairnDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(CairnMigrationInitializer.class);
    }
}
