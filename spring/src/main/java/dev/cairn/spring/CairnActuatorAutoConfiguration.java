package dev.cairn.spring;

import dev.cairn.runtime.Migrator;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator's view of Cairn, when Actuator is on the class path and Cairn migrates: the
 * {@link CairnEndpoint} and the {@link CairnHealthIndicator}.
 */
@AutoConfiguration(after = CairnAutoConfiguration.class)
@ConditionalOnBean(Migrator.class)
public class CairnActuatorAutoConfiguration {

    /** The {@code cairn} endpoint, when Actuator's endpoints are there and it is available. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    @ConditionalOnAvailableEndpoint(CairnEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CairnEndpoint cairnEndpoint(Migrator migrator) {
            return new CairnEndpoint(migrator);
        }
    }

    /** The {@code cairn} health indicator, when Spring Boot's health support is there and it is enabled. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("cairn")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "cairnHealthIndicator")
        CairnHealthIndicator cairnHealthIndicator(Migrator migrator) {
            return new CairnHealthIndicator(migrator);
        }
    }
}
