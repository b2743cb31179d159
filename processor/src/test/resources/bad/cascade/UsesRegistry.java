package com.example.bad;

final class UsesRegistry {
    Object plan() {
        return MigrationRegistry.V1;
    }
}
