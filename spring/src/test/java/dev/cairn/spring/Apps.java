package dev.cairn.spring;

import dev.cairn.spring.app.TestApplication;
import dev.cairn.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/** Starts the test application on a test database, as {@code java -jar app.jar --spring.datasource.url=...} would. */
final class Apps {

    private Apps() {
    }

    static ConfigurableApplicationContext start(TestDatabase database, String... properties) {
        return start(database, WebApplicationType.NONE, new Class<?>[0], properties);
    }

    static ConfigurableApplicationContext start(TestDatabase database, WebApplicationType web, Class<?>[] extraSources,
            String... properties) {
        return start(null, database, web, extraSources, properties);
    }

    /** As {@link #start(TestDatabase, String...)}, with {@code classLoader} as the application's class path. */
    static ConfigurableApplicationContext start(ClassLoader classLoader, TestDatabase database, String... properties) {
        return start(classLoader, database, WebApplicationType.NONE, new Class<?>[0], properties);
    }

    private static ConfigurableApplicationContext start(ClassLoader classLoader, TestDatabase database,
            WebApplicationType web, Class<?>[] extraSources, String... properties) {
        List<Class<?>> sources = new ArrayList<>(List.of(TestApplication.class));
        sources.addAll(List.of(extraSources));
        SpringApplication application = new SpringApplication(sources.toArray(Class<?>[]::new));
        application.setWebApplicationType(web);
        if (classLoader != null) {
            application.setResourceLoader(new DefaultResourceLoader(classLoader));
        }
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database.jdbcUrl()));
        for (String property : properties) {
            args.add("--" + property);
        }
        return application.run(args.toArray(String[]::new));
    }
}
