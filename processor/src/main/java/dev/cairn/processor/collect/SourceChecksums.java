package dev.cairn.processor.collect;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.cairn.processor.checksum.Sha256;
import dev.cairn.processor.checksum.SourceChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Computes a migration's checksum.
 *
 * <p>Under javac the checksum covers the class's source text from its declaration keyword to
 * its closing brace, normalized so that formatting, comments and line endings do not count but
 * every token does. The class's annotations and modifiers are left out: {@code @Migration}'s
 * description and dependencies, {@code @SuppressWarnings} or {@code @Deprecated} added later,
 * or {@code public} added to satisfy an access rule do not change what the migration did to a
 * database. Nor do {@code reversible} and {@code transactional}: they change how Cairn runs the
 * migration, not what it applied. Code outside the class, such as imports or constants of other
 * classes, is not covered. The tag is {@value SourceChecksum#ALGORITHM_TAG}.
 *
 * <p>Compilers without the javac tree API (such as Eclipse's) expose no source text. There the
 * checksum falls back to the class's structure, tagged {@value #STRUCTURE_TAG}: the names,
 * modifiers and types of its members, nested classes included, and the values of its constants.
 * That detects a changed constant or signature but not a changed method body, and the processor
 * says so in a note. The runtime compares checksums only when their tags match, so switching
 * compilers is not reported as a changed migration.
 */
abstract class SourceChecksums {

    static final String STRUCTURE_TAG = "struct1";

    abstract String of(TypeElement type);

    /** Whether the checksums cover method bodies. */
    abstract boolean coverSource();

    static SourceChecksums create(ProcessingEnvironment env) {
        return JavacTrees.of(env).<SourceChecksums>map(FromSource::new).orElseGet(FromStructure::new);
    }

    /** Normalized source text, through javac's tree API. */
    private static final class FromSource extends SourceChecksums {
        private final Trees trees;
        private final FromStructure fallback = new FromStructure();

        FromSource(Trees trees) {
            this.trees = trees;
        }

        @Override
        String of(TypeElement type) {
            TreePath path;
            try {
                path = trees.getPath(type);
            } catch (RuntimeException foreignElement) {
                // A build tool that wraps elements too hands javac's trees objects it does not know.
                path = null;
            }
            if (path == null) {
                return fallback.of(type);
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            SourcePositions positions = trees.getSourcePositions();
            ClassTree classTree = (ClassTree) path.getLeaf();
            CharSequence source;
            try {
                source = unit.getSourceFile().getCharContent(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the source of " + type, e);
            }
            int start = (int) positions.getStartPosition(unit, classTree);
            int end = (int) positions.getEndPosition(unit, classTree);
            int modifiersEnd = (int) positions.getEndPosition(unit, classTree.getModifiers());
            return modifiersEnd > start
                    ? SourceChecksum.of(source, start, end, start, modifiersEnd)
                    : SourceChecksum.of(source, start, end, -1, -1);
        }

        @Override
        boolean coverSource() {
            return true;
        }
    }

    /** The class's structure, where no source text is available. */
    private static final class FromStructure extends SourceChecksums {
        @Override
        String of(TypeElement type) {
            StringBuilder structure = new StringBuilder();
            appendStructure(type, structure);
            return STRUCTURE_TAG + ":" + Sha256.hexOf(structure.toString());
        }

        @Override
        boolean coverSource() {
            return false;
        }

        private static void appendStructure(Element element, StringBuilder structure) {
            structure.append(element.getKind()).append(' ').append(element.getModifiers()).append(' ')
                    .append(element.getSimpleName()).append(' ').append(element.asType());
            if (element instanceof VariableElement field && field.getConstantValue() != null) {
                structure.append(" = ").append(field.getConstantValue());
            }
            structure.append('\n');
            for (Element member : element.getEnclosedElements()) {
                appendStructure(member, structure);
            }
        }
    }
}
