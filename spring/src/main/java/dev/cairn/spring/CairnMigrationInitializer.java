package dev.cairn.spring;

import dev.cairn.runtime.Migrator;
import java.util.Objects;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the {@link CairnMigrationStrategy} when the bean is created. Spring Boot's database
 * initialization ordering ({@link CairnDatabaseInitializerDetector}) makes every bean that uses the
 * database, such as a {@code JdbcTemplate}, an {@code EntityManagerFactory} or a repository, wait
 * for it, as it does for Flyway's {@code FlywayMigrationInitializer}.
 */
public final class CairnMigrationInitializer implements InitializingBean {

    private final Migrator migrator;
    private final CairnMigrationStrategy strategy;

    /** Creates the initializer; the auto-configuration does, unless the application defines one. */
    public CairnMigrationInitializer(Migrator migrator, CairnMigrationStrategy strategy) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    @Override
    public void afterPropertiesSet() {
        strategy.migrate(migrator);
    }
}
