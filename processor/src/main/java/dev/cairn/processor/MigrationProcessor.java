package dev.cairn.processor;

import com.google.auto.service.AutoService;
import dev.cairn.Migration;
import dev.cairn.SqlMigrations;
import dev.cairn.processor.collect.JavacTrees;
import dev.cairn.processor.collect.MigrationCollector;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.RepeatableModel;
import dev.cairn.processor.report.Finding;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import dev.cairn.processor.sqlcheck.SqlChecks;
import dev.cairn.processor.sqlfile.SqlAnnotation;
import dev.cairn.processor.sqlfile.SqlMigrationSet;
import dev.cairn.processor.sqlfile.SqlSets;
import dev.cairn.processor.validate.ClassValidator;
import dev.cairn.processor.validate.GraphValidator;
import dev.cairn.processor.validate.RegistryPackage;
import dev.cairn.processor.validate.SqlFileValidator;
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
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.QualifiedNameable;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Checks every {@code @Migration} class of a compilation, and the SQL files of its
 * {@code @SqlMigrations} directory, as one dependency graph and, when the graph is sound,
 * generates its {@code MigrationRegistry}.
 *
 * <p>Layers: {@link MigrationCollector} reads the classes into models and {@link SqlSets} the SQL
 * files, {@link RegistryPackage} chooses where the registry goes, the validators add every finding
 * to one {@link ValidationReport}, {@link SqlChecks} lints the sound plan's SQL and replays
 * (SQLite) or parses (PostgreSQL) it, and {@link RegistryFiles} writes the registry only when the
 * report has no error. Otherwise it writes a stand-in of the registry's public shape that cannot
 * run, so that code using the registry compiles and one mistake gives one clear error, with no
 * cascade.
 *
 * <p>Rounds: a migration that refers to something not yet resolvable (a supertype, a type in a
 * method's signature, a constant in its annotation; another processor may generate it) is
 * deferred by name and fetched again in the next round. The registry is written in the first
 * round in which every migration seen so far resolves, which is before the last round unless a
 * deferred type only resolves there.
 */
@AutoService(Processor.class)
@SupportedOptions({MigrationProcessor.PACKAGE_OPTION, MigrationProcessor.RESOURCES_OPTION})
public final class MigrationProcessor extends AbstractProcessor {

    /** Names the registry's package instead of the migrations' longest common package. */
    public static final String PACKAGE_OPTION = "cairn.package";

    /**
     * Names the module's resources directory, in which {@code @SqlMigrations} directories are
     * looked for, instead of the {@code resources} directory next to the annotated file's source root.
     */
    public static final String RESOURCES_OPTION = "cairn.resources";

    private static final String GENERATED = "javax.annotation.processing.Generated";

    private final Set<String> pending = new TreeSet<>();
    /** The packages and classes annotated {@code @SqlMigrations}, by name, fetched again when the registry is written. */
    private final Set<SqlAnnotated> sqlAnnotated = new TreeSet<>();
    private Optional<String> packageOption = Optional.empty();
    private boolean packageOptionValid = true;
    private Optional<String> resourcesOption = Optional.empty();
    private boolean registryDone;

    /** An element annotated {@code @SqlMigrations}: a package or a class, by qualified name. */
    private record SqlAnnotated(String name, boolean isPackage) implements Comparable<SqlAnnotated> {
        @Override
        public int compareTo(SqlAnnotated other) {
            return name.equals(other.name) ? Boolean.compare(isPackage, other.isPackage) : name.compareTo(other.name);
        }
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        String option = env.getOptions().get(PACKAGE_OPTION);
        if (option != null) {
            packageOption = Optional.of(option.strip());
            packageOptionValid = SourceVersion.isName(option.strip());
        }
        resourcesOption = Optional.ofNullable(env.getOptions().get(RESOURCES_OPTION)).map(String::strip);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Migration.class.getCanonicalName(), SqlMigrations.class.getCanonicalName(), GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /**
     * Always claims its annotations. An unclaimed annotation is a javac warning under
     * {@code -Xlint:processing}, and under {@code -Werror} that warning ends annotation processing
     * early, before a migration deferred to the next round is processed. {@code @Migration} and
     * {@code @SqlMigrations} are Cairn's own; {@code @Generated} is claimed because the registry carries it.
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
        List<Element> arrivedSql = new ArrayList<>(round.getElementsAnnotatedWith(SqlMigrations.class));
        if (registryDone) {
            arrived.forEach(type -> processingEnv.getMessager().printMessage(
                    Kind.ERROR, Message.LATE_MIGRATION.format(type.getQualifiedName()), type));
            arrivedSql.forEach(element -> processingEnv.getMessager().printMessage(
                    Kind.ERROR, Message.LATE_SQL_MIGRATIONS.format(element), element));
            return;
        }
        if (!packageOptionValid) {
            if (!arrived.isEmpty() || !arrivedSql.isEmpty()) {
                processingEnv.getMessager().printMessage(Kind.ERROR,
                        Message.INVALID_PACKAGE_OPTION.format(packageOption.orElseThrow()));
                registryDone = true;
            }
            return;
        }
        arrived.forEach(type -> pending.add(type.getQualifiedName().toString()));
        for (Element element : arrivedSql) {
            if (element instanceof QualifiedNameable named) {
                sqlAnnotated.add(new SqlAnnotated(named.getQualifiedName().toString(), element instanceof PackageElement));
            }
        }
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
        if (!migrations.isEmpty() || !sqlAnnotated.isEmpty()) {
            registryDone = true;
            checkAndGenerate(migrations, sqlElements());
        }
    }

    /** The elements annotated {@code @SqlMigrations}, fetched again by name: an earlier round's may be stale. */
    private List<Element> sqlElements() {
        List<Element> elements = new ArrayList<>();
        for (SqlAnnotated annotated : sqlAnnotated) {
            Element element = annotated.isPackage()
                    ? processingEnv.getElementUtils().getPackageElement(annotated.name())
                    : processingEnv.getElementUtils().getTypeElement(annotated.name());
            if (element != null) {
                elements.add(element);
            }
        }
        return elements;
    }

    private void checkAndGenerate(List<TypeElement> types, List<Element> sqlElements) {
        MigrationCollector collector = new MigrationCollector(processingEnv);
        List<MigrationModel> classes = types.stream().map(collector::collect).flatMap(Optional::stream).toList();
        List<SqlAnnotation> sqlAnnotations = sqlElements.stream()
                .map(element -> SqlAnnotation.of(element, processingEnv.getElementUtils())).flatMap(Optional::stream).toList();
        if (classes.size() < types.size() || sqlAnnotations.size() < sqlElements.size()) {
            return; // an annotation that does not compile: javac reports it, and a partial registry would mislead
        }
        ValidationReport report = new ValidationReport();
        if (!collector.checksumsCoverSource()) {
            report.report(Finding.global(Message.STRUCTURE_CHECKSUMS));
        }
        SqlSets sql = new SqlSets(processingEnv, resourcesOption, report);
        Optional<SqlMigrationSet> sqlSet = sql.read(sqlAnnotations);
        List<MigrationModel> migrations = new ArrayList<>(classes);
        sqlSet.ifPresent(set -> migrations.addAll(set.versioned()));
        List<RepeatableModel> repeatables = sqlSet.map(SqlMigrationSet::repeatables).orElse(List.of());
        Optional<RegistryPackage> registryPackage = migrations.isEmpty()
                ? sqlAnnotations.stream().findFirst().map(annotation -> RegistryPackage.of(annotation.element(),
                        packageOption, processingEnv.getElementUtils()))
                : RegistryPackage.choose(migrations, packageOption, processingEnv.getElementUtils(), report);
        ClassValidator classValidator = new ClassValidator(processingEnv, report);
        SqlFileValidator fileValidator = new SqlFileValidator(report);
        for (MigrationModel migration : migrations) {
            if (migration.isClass()) {
                classValidator.validate(migration, registryPackage);
            } else {
                fileValidator.validate(migration);
            }
        }
        // Without the SQL files, classes that depend on them would each get an error of their own.
        List<MigrationModel> plan = sqlSet.isPresent() || sqlAnnotations.isEmpty()
                ? new GraphValidator(report).validate(migrations) : List.of();
        if (report.isClean() && sqlSet.isPresent()) {
            // Only a sound plan has an order to replay and lint the SQL in.
            new SqlChecks(report, JavacTrees.of(processingEnv))
                    .check(sqlSet.get().annotation().database(), plan, repeatables);
        }
        report.printTo(processingEnv.getMessager());
        RegistryFiles files = new RegistryFiles(processingEnv, getClass().getCanonicalName());
        if (report.isClean()) {
            files.write(registryPackage.orElseThrow().name(), plan, repeatables,
                    sqlSet.map(set -> set.annotation().location()))
                    .ifPresent(finding -> finding.printTo(processingEnv.getMessager()));
        } else {
            registryPackage.ifPresent(registry -> files.writeStandIn(registry.name(), migrations));
        }
    }
}
