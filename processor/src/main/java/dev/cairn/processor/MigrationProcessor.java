package dev.cairn.processor;

import com.google.auto.service.AutoService;
import dev.cairn.Migration;
import dev.cairn.processor.collect.MigrationCollector;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.report.Finding;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import dev.cairn.processor.validate.ClassValidator;
import dev.cairn.processor.validate.GraphValidator;
import dev.cairn.processor.validate.RegistryPackage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Checks every {@code @Migration} class of a compilation as one dependency graph and, when the
 * graph is sound, generates its {@code MigrationRegistry}.
 *
 * <p>Layers: {@link MigrationCollector} reads the classes into models, {@link RegistryPackage}
 * chooses where the registry goes, the validators add every finding to one
 * {@link ValidationReport}, and {@link RegistryFiles} writes the registry only when the report has
 * no error. Otherwise it writes a stand-in of the registry's public shape that cannot run, so that
 * code using the registry compiles and one mistake gives one clear error, with no cascade.
 *
 * <p>Rounds: a migration that refers to something not yet resolvable (a supertype, a type in a
 * method's signature, a constant in its annotation; another processor may generate it) is
 * deferred by name and fetched again in the next round. The registry is written in the first
 * round in which every migration seen so far resolves, which is before the last round unless a
 * deferred type only resolves there.
 */
@AutoService(Processor.class)
@SupportedOptions(MigrationProcessor.PACKAGE_OPTION)
public final class MigrationProcessor extends AbstractProcessor {

    /** Names the registry's package instead of the migrations' longest common package. */
    public static final String PACKAGE_OPTION = "cairn.package";

    private static final String GENERATED = "javax.annotation.processing.Generated";

    private final Set<String> pending = new TreeSet<>();
    private Optional<String> packageOption = Optional.empty();
    private boolean packageOptionValid = true;
    private boolean registryDone;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        String option = env.getOptions().get(PACKAGE_OPTION);
        if (option != null) {
            packageOption = Optional.of(option.strip());
            packageOptionValid = SourceVersion.isName(option.strip());
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Migration.class.getCanonicalName(), GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /**
     * Always claims its annotations. An unclaimed annotation is a javac warning under
     * {@code -Xlint:processing}, and under {@code -Werror} that warning ends annotation processing
     * early, before a migration deferred to the next round is processed. {@code @Migration} is
     * Cairn's own; {@code @Generated} is claimed because the registry carries it.
     */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            processRound(round);
        } catch (RuntimeException | LinkageError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Kind.ERROR, Message.INTERNAL_ERROR.format(trace));
        }
        return true;
    }

    private void processRound(RoundEnvironment round) {
        List<TypeElement> arrived = new ArrayList<>();
        for (Element element : round.getElementsAnnotatedWith(Migration.class)) {
            if (element instanceof TypeElement type) {
                arrived.add(type);
            }
        }
        if (registryDone) {
            arrived.forEach(type -> processingEnv.getMessager().printMessage(
                    Kind.ERROR, Message.LATE_MIGRATION.format(type.getQualifiedName()), type));
            return;
        }
        if (!packageOptionValid) {
            if (!arrived.isEmpty()) {
                processingEnv.getMessager().printMessage(Kind.ERROR,
                        Message.INVALID_PACKAGE_OPTION.format(packageOption.orElseThrow()));
                registryDone = true;
            }
            return;
        }
        arrived.forEach(type -> pending.add(type.getQualifiedName().toString()));
        List<TypeElement> migrations = new ArrayList<>();
        for (String name : pending) {
            // Re-fetch by name: elements from an earlier round may be stale.
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type == null || UnresolvedTypes.in(type)) {
                // Not ready: wait for the next round. In the last, javac reports what never appeared.
                if (round.processingOver()) {
                    processingEnv.getMessager().printMessage(Kind.NOTE, Message.REGISTRY_WAITING.format(name));
                }
                return;
            }
            migrations.add(type);
        }
        if (!migrations.isEmpty()) {
            registryDone = true;
            checkAndGenerate(migrations);
        }
    }

    private void checkAndGenerate(List<TypeElement> types) {
        MigrationCollector collector = new MigrationCollector(processingEnv);
        List<MigrationModel> migrations = types.stream().map(collector::collect).flatMap(Optional::stream).toList();
        if (migrations.size() < types.size()) {
            return; // an annotation that does not compile: javac reports it, and a partial registry would mislead
        }
        ValidationReport report = new ValidationReport();
        if (!collector.checksumsCoverSource()) {
            report.report(Finding.global(Message.STRUCTURE_CHECKSUMS));
        }
        Optional<RegistryPackage> registryPackage = RegistryPackage.choose(
                migrations, packageOption, processingEnv.getElementUtils(), report);
        ClassValidator classValidator = new ClassValidator(processingEnv, report);
        migrations.forEach(migration -> classValidator.validate(migration, registryPackage));
        List<MigrationModel> plan = new GraphValidator(report).validate(migrations);
        report.printTo(processingEnv.getMessager());
        RegistryFiles files = new RegistryFiles(processingEnv, getClass().getCanonicalName());
        if (report.isClean()) {
            files.write(registryPackage.orElseThrow().name(), plan)
                    .ifPresent(finding -> finding.printTo(processingEnv.getMessager()));
        } else {
            registryPackage.ifPresent(registry -> files.writeStandIn(registry.name(), migrations));
        }
    }
}
