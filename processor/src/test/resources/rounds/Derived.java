package com.example.gen;

import dev.cairn.Migration;

/** Extends a class that another processor generates in the first round. */
@Migration(version = "1")
public final class Derived extends GeneratedBase {
}
