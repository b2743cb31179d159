package dev.cairn.processor.collect;

import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * javac's tree API for a processing environment, where the compiler offers it: through the
 * source trees the processor reads migrations' source text, finds the source file of an
 * {@code @SqlMigrations} annotation and the SQL a migration class passes to {@code execute}.
 */
public final class JavacTrees {

    /** How deep wrappers of javac's environment are searched: build tools wrap it once. */
    private static final int MAX_WRAPPERS = 4;

    private JavacTrees() {
    }

    /** The trees of {@code env}'s compilation, or empty under a compiler without them (such as Eclipse's). */
    public static Optional<Trees> of(ProcessingEnvironment env) {
        ProcessingEnvironment candidate = env;
        for (int depth = 0; candidate != null && depth < MAX_WRAPPERS; depth++) {
            try {
                return Optional.of(Trees.instance(candidate));
            } catch (IllegalArgumentException notJavacs) {
                candidate = wrapped(candidate);
            } catch (LinkageError noTreeApi) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Build tools wrap javac's environment (Gradle for incremental processing, IntelliJ in a
     * proxy), and {@link Trees} accepts only javac's own: returns the environment a wrapper holds,
     * or {@code null}.
     */
    private static ProcessingEnvironment wrapped(ProcessingEnvironment env) {
        Object wrapper = Proxy.isProxyClass(env.getClass()) ? Proxy.getInvocationHandler(env) : env;
        for (Class<?> type = wrapper.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                try {
                    field.setAccessible(true);
                    if (field.get(wrapper) instanceof ProcessingEnvironment inner && inner != env) {
                        return inner;
                    }
                } catch (ReflectiveOperationException | RuntimeException inaccessible) {
                    // A field we may not read cannot be the one we are looking for; try the next.
                }
            }
        }
        return null;
    }
}
