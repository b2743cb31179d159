package com.example.plain;

/** A class without migrations: the processor must generate nothing. */
final class Plain {
}
