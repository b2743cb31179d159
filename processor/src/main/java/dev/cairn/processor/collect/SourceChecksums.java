package dev.cairn.processor.collect;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.cairn.processor.checksum.SourceChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Computes a migration's checksum.
 *
 * <p>Under javac the checksum covers the class's source text, normalized so that formatting,
 * comments, line endings and a byte-order mark do not count but every token does; the
 * {@code @Migration} annotation itself is left out, so editing the description or the
 * dependencies is not a change to the migration. Its tag is {@value SourceChecksum#ALGORITHM_TAG}.
 *
 * <p>Compilers without the javac tree API (such as Eclipse's) expose no source text. There the
 * checksum falls back to the class's structure, tagged {@value #STRUCTURE_TAG}: the names,
 * modifiers and types of its members and the values of its constants. That detects a changed
 * constant or signature but not a changed method body; the runtime treats the two tags as
 * different algorithms, so switching compilers is not reported as a changed migration.
 */
abstract class SourceChecksums {

    static final String STRUCTURE_TAG = "struct1";

    abstract String of(TypeElement type, AnnotationMirror migrationAnnotation);

    static SourceChecksums create(ProcessingEnvironment env) {
        try {
            return new FromSource(Trees.instance(env));
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return new FromStructure();
        }
    }

    /** Normalized source text, through javac's tree API. */
    private static final class FromSource extends SourceChecksums {
        private final Trees trees;
        private final FromStructure fallback = new FromStructure();

        FromSource(Trees trees) {
            this.trees = trees;
        }

        @Override
        String of(TypeElement type, AnnotationMirror migrationAnnotation) {
            TreePath path = trees.getPath(type);
            if (path == null) {
                return fallback.of(type, migrationAnnotation);
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            SourcePositions positions = trees.getSourcePositions();
            Tree classTree = path.getLeaf();
            AnnotationTree annotationTree = (AnnotationTree) trees.getTree(type, migrationAnnotation);
            CharSequence source;
            try {
                source = unit.getSourceFile().getCharContent(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the source of " + type, e);
            }
            int start = (int) positions.getStartPosition(unit, classTree);
            int end = (int) positions.getEndPosition(unit, classTree);
            int excludeStart = annotationTree == null ? -1 : (int) positions.getStartPosition(unit, annotationTree);
            int excludeEnd = annotationTree == null ? -1 : (int) positions.getEndPosition(unit, annotationTree);
            return SourceChecksum.of(source, start, end, excludeStart, excludeEnd);
        }
    }

    /** The class's structure, where no source text is available. */
    private static final class FromStructure extends SourceChecksums {
        @Override
        String of(TypeElement type, AnnotationMirror migrationAnnotation) {
            StringBuilder structure = new StringBuilder(type.getQualifiedName()).append('\n');
            appendMembers(type, structure);
            return STRUCTURE_TAG + ":" + sha256(structure.toString());
        }

        private static void appendMembers(Element element, StringBuilder structure) {
            for (Element member : element.getEnclosedElements()) {
                structure.append(member.getKind()).append(' ').append(member.getModifiers()).append(' ')
                        .append(member.getSimpleName()).append(' ').append(member.asType());
                if (member instanceof VariableElement field && field.getConstantValue() != null) {
                    structure.append(" = ").append(field.getConstantValue());
                }
                structure.append('\n');
            }
        }

        private static String sha256(String text) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
