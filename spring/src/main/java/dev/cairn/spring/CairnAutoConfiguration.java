package dev.cairn.spring;

import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.Migrator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates the application's {@link DataSource} with its generated registry during startup,
 * before anything that uses the database: a {@link Migrator} configured from the {@code cairn.*}
 * properties and every {@link MigrationListener} bean, and a {@link CairnMigrationInitializer}
 * that runs the {@link CairnMigrationStrategy}. Each backs off when the application defines its own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "cairn.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CairnProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class CairnAutoConfiguration {

    /** The migrator of the application's registry and data source. */
    @Bean
    @ConditionalOnMissingBean
    public Migrator cairnMigrator(CairnProperties properties, DataSource dataSource,
            ObjectProvider<MigrationListener> listeners, ResourceLoader resourceLoader) {
        Migrator.Builder builder = Migrator.configure(
                RegistryLookup.find(properties.registry(), resourceLoader.getClassLoader()), dataSource);
        PropertyMapper map = PropertyMapper.get();
        map.from(properties.historyTable()).to(builder::historyTable);
        map.from(properties.logTable()).to(builder::logTable);
        map.from(properties.schema()).to(builder::schema);
        map.from(properties.lockTimeout()).to(builder::lockTimeout);
        map.from(properties.statementLockTimeout()).to(builder::statementLockTimeout);
        map.from(properties.migrationTimeout()).to(builder::migrationTimeout);
        map.from(properties.strictOrder()).to(builder::strictOrder);
        map.from(properties.validateChecksums()).to(builder::validateChecksums);
        map.from(properties.allowUnknownApplied()).to(builder::allowUnknownApplied);
        map.from(properties.backupDirectory()).to(builder::backupBeforeMigrate);
        map.from(properties.backupRetention()).to(builder::backupRetention);
        map.from(properties.pgDump()).to(builder::pgDump);
        map.from(properties.installedBy()).to(builder::installedBy);
        listeners.orderedStream().forEach(builder::listener);
        return builder.load();
    }

    /** Runs the application's {@link CairnMigrationStrategy}, or else migrates up to {@code cairn.target}. */
    @Bean
    @ConditionalOnMissingBean
    public CairnMigrationInitializer cairnMigrationInitializer(Migrator migrator, CairnProperties properties,
            ObjectProvider<CairnMigrationStrategy> strategy) {
        return new CairnMigrationInitializer(migrator, strategy.getIfAvailable(() -> defaultStrategy(properties)));
    }

    private static CairnMigrationStrategy defaultStrategy(CairnProperties properties) {
        String target = properties.target();
        if (target == null || target.isBlank()) {
            return Migrator::migrate;
        }
        return migrator -> migrator.migrate(target.strip());
    }
}
