package dev.cairn.runtime.testing;

/** The databases every runtime test runs against. */
public enum DbKind {
    SQLITE,
    POSTGRES,
}
