package dev.cairn.processor;

import com.palantir.javapoet.JavaFile;
import dev.cairn.processor.generate.RegistryWriter;
import dev.cairn.processor.generate.StandInWriter;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.RepeatableModel;
import dev.cairn.processor.report.Finding;
import dev.cairn.processor.report.Message;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the registry's source and its {@code META-INF/services} entry, which lets tools such as
 * the CLI find the registry on a classpath with {@link java.util.ServiceLoader}; or, while the
 * migrations have errors, the source of a stand-in that no service entry lists.
 */
final class RegistryFiles {

    private static final String MIGRATION_SOURCE = "dev.cairn.runtime.MigrationSource";
    static final String SERVICE_FILE = "META-INF/services/" + MIGRATION_SOURCE;

    private final Filer filer;
    private final Elements elements;
    private final Types types;
    private final RegistryWriter writer;
    private final StandInWriter standInWriter;

    RegistryFiles(ProcessingEnvironment env, String processorName) {
        this.filer = env.getFiler();
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        boolean generatedAvailable = env.getSourceVersion().compareTo(SourceVersion.RELEASE_8) > 0
                && env.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
        this.writer = new RegistryWriter(processorName, generatedAvailable);
        this.standInWriter = new StandInWriter(processorName, generatedAvailable);
    }

    /**
     * Whether {@code type} is a registry, or the stand-in of one (also a {@code MigrationSource}),
     * which can only come from an earlier build's class files.
     */
    private boolean isRegistry(TypeElement type) {
        TypeElement source = elements.getTypeElement(MIGRATION_SOURCE);
        return source != null && types.isAssignable(type.asType(), source.asType());
    }

    private static String registryName(String packageName) {
        return packageName.isEmpty() ? RegistryWriter.REGISTRY_NAME : packageName + "." + RegistryWriter.REGISTRY_NAME;
    }

    /**
     * Writes both files. Returns what to tell the user: the error if they could not be written,
     * else a note if the registry is too large for version constants.
     */
    Optional<Finding> write(String packageName, List<MigrationModel> plan, List<RepeatableModel> repeatables,
            Optional<String> sqlDirectory) {
        String registryName = registryName(packageName);
        TypeElement existing = elements.getTypeElement(registryName);
        if (existing != null) {
            return Optional.of(isRegistry(existing)
                    ? Finding.global(Message.STALE_REGISTRY, registryName)
                    : Finding.on(existing, Message.REGISTRY_NAME_TAKEN, registryName));
        }
        JavaFile source = writer.write(packageName, plan, repeatables, sqlDirectory);
        Element[] originating = Stream.concat(plan.stream().map(MigrationModel::element),
                repeatables.stream().map(RepeatableModel::element)).distinct().toArray(Element[]::new);
        try {
            source.writeTo(filer);
            FileObject services = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE, originating);
            try (Writer out = new OutputStreamWriter(services.openOutputStream(), StandardCharsets.UTF_8)) {
                out.write(registryName + "\n");
            }
            return noVersionConstants(plan);
        } catch (IOException e) {
            return Optional.of(Finding.global(Message.REGISTRY_NOT_WRITTEN, registryName, e.getMessage()));
        }
    }

    /**
     * Writes the stand-in for a compilation whose migrations have errors, so that code using the
     * registry compiles against it and adds no error of its own; unless a class of that name
     * exists already, which such code compiles against as it is.
     */
    void writeStandIn(String packageName, List<MigrationModel> migrations) {
        String registryName = registryName(packageName);
        if (elements.getTypeElement(registryName) != null) {
            return;
        }
        boolean runtimeAvailable = StandInWriter.runtimeTypes().stream()
                .allMatch(name -> elements.getTypeElement(name) != null);
        try {
            standInWriter.write(packageName, migrations, runtimeAvailable).writeTo(filer);
        } catch (IOException e) {
            // Not reported: the build fails on the migrations' errors, and this would only add that
            // the stand-in, which nothing needs once they are fixed, could not be written.
        }
    }

    private static Optional<Finding> noVersionConstants(List<MigrationModel> plan) {
        if (RegistryWriter.hasVersionConstants(plan.size())) {
            return Optional.empty();
        }
        String last = plan.get(plan.size() - 1).versionText();
        return Optional.of(Finding.global(Message.NO_VERSION_CONSTANTS,
                plan.size(), RegistryWriter.VERSION_CONSTANTS_LIMIT, last, last));
    }
}
