package com.example.bad;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "1")
interface NotAClass extends JavaMigration {
}
