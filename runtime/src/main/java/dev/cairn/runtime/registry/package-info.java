/**
 * What generated {@code MigrationRegistry} classes are built on. Not for hand-written code: its
 * shape is fixed per {@linkplain dev.cairn.runtime.registry.GeneratedRegistry#FORMAT registry
 * format}, so that a registry compiled today runs on any later runtime that reads its format.
 */
package dev.cairn.runtime.registry;
