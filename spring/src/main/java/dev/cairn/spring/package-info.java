/**
 * Cairn's Spring Boot starter: migrates the application's database at startup, before anything
 * uses it, configured by the {@code cairn.*} properties ({@link dev.cairn.spring.CairnProperties});
 * a {@link dev.cairn.spring.CairnMigrationStrategy} bean replaces what it does; a failed migration
 * stops the application with Cairn's message ({@link dev.cairn.spring.CairnFailureAnalyzer}); with
 * Actuator, the {@code cairn} endpoint and health indicator.
 */
package dev.cairn.spring;
