/**
 * The Cairn Maven plugin: goals that run the migrations a module compiled (its generated
 * {@code MigrationRegistry}) against a database. {@link dev.cairn.maven.AbstractCairnMojo} holds
 * what every goal shares: the project's class loader, the registry, the connection and the options.
 */
package dev.cairn.maven;
