package dev.cairn.processor.report;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.tools.Diagnostic;

/**
 * A place inside a method body, such as an {@code execute("...")} call, which Messager cannot
 * point at (it points at elements); javac's trees can.
 *
 * @param trees javac's trees
 * @param tree the tree to point at
 * @param unit its compilation unit
 */
public record TreeSpot(Trees trees, Tree tree, CompilationUnitTree unit) {

    void print(Diagnostic.Kind kind, String text) {
        trees.printMessage(kind, text, tree, unit);
    }
}
