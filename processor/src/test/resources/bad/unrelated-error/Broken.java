package com.example.bad;

final class Broken {
    int value = "not a number";
}
