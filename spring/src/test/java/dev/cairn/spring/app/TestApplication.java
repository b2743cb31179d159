package dev.cairn.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small application with two migrations and a bean that reads their table when it is created. */
@SpringBootApplication
public class TestApplication {
}
