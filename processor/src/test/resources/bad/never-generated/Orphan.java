package com.example.bad;

import dev.cairn.Migration;

@Migration(version = "1")
final class Orphan extends NoSuchBase {
}
