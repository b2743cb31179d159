package dev.cairn.bench.child;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac on a workload's migration classes, with the Cairn processor or without any
 * ({@code -proc:none}), in a fresh JVM as a build starts it. Arguments: {@code <sources
 * directory> <output directory> <class path> <processor path | none> <expected classes>}. It
 * checks that the classes (and, with the processor, the registry) were written.
 */
public final class CompileChild {

    private CompileChild() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path sources = Path.of(args[0]);
        Path output = Path.of(args[1]);
        boolean processor = !args[3].equals("none");
        List<String> options = new ArrayList<>(List.of("-d", output.toString(), "-classpath", args[2], "--release", "17"));
        options.addAll(processor ? List.of("-processorpath", args[3]) : List.of("-proc:none"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean compiled;
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            compiled = javac.getTask(messages, files, null, options, null,
                    files.getJavaFileObjectsFromPaths(javaFiles(sources))).call();
        }
        ChildOutput out = new ChildOutput().put("elapsedNs", System.nanoTime() - start).peakRss();
        if (!compiled || !messages.toString().isEmpty()) {
            throw new IllegalStateException("javac " + (compiled ? "warned" : "failed") + ":\n" + messages);
        }
        long expected = Long.parseLong(args[4]) + (processor ? 1 : 0);
        long classes = count(output, "glob:**.class");
        if (classes < expected || processor != (count(output, "glob:**/MigrationRegistry.class") == 1)) {
            throw new IllegalStateException(classes + " classes written to " + output + ", expected " + expected
                    + (processor ? " with a MigrationRegistry" : " and no registry"));
        }
        out.print();
    }

    private static List<Path> javaFiles(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static long count(Path directory, String glob) throws IOException {
        var matcher = directory.getFileSystem().getPathMatcher(glob);
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(matcher::matches).count();
        }
    }
}
