/**
 * SQL-file migrations at run time: loading a compiled file from the classpath, refusing one that
 * changed since it was compiled, and running it through the migration's context.
 */
package dev.cairn.runtime.internal.sqlfile;
