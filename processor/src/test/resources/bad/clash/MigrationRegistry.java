package com.example.bad;

final class MigrationRegistry {
}
