package dev.cairn.processor.validate;

import dev.cairn.MigrationVersion;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.report.Finding;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Where the registry is generated, and how many migrations it reaches from there.
 *
 * <p>The rule, in order:
 * <ol>
 * <li>the package named by {@code -Acairn.package};
 * <li>none, with {@code NoCommonPackage}, when the migrations share no package (unless all are in
 *     the unnamed package);
 * <li>the longest package all migrations share, when the registry can reach every migration
 *     from there (a public class, with public enclosing classes and a public no-argument
 *     constructor, is reachable from anywhere; a package-private one only from its own package);
 * <li>otherwise, of that package and the packages between it and each migration's own, the one
 *     from which the registry reaches the most of the migrations in it or below it; on a tie the
 *     one reaching the lowest version, then the deeper one, then the first by name.
 * </ol>
 *
 * <p>The fourth step keeps the registry where it was when one migration that it cannot reach is
 * added: a package-private migration in another package neither moves the registry up to a
 * package from which the untouched migrations are out of reach, nor pulls it into its own
 * package away from the code that imports it. That one migration gets the only error.
 *
 * @param name the package, empty for the unnamed package
 * @param chosen whether the processor chose it, rather than {@code -Acairn.package}
 * @param reached how many migrations the registry reaches from there, of those in it or below it
 * @param total how many migrations the compilation has
 */
public record RegistryPackage(String name, boolean chosen, int reached, int total) {

    /** One migration as placement sees it. */
    private record Placed(String packageName, boolean needsItsOwnPackage, Optional<MigrationVersion> version) {
    }

    /** A package the registry could go in, and what it would reach from there. */
    private record Candidate(String name, int reached, Optional<MigrationVersion> earliest) {
        int depth() {
            return name.split("\\.").length;
        }
    }

    /**
     * Where the registry of a compilation without versioned migrations goes: the package named by
     * {@code -Acairn.package}, or else the package of the element annotated {@code @SqlMigrations}.
     */
    public static RegistryPackage of(Element sqlAnnotated, Optional<String> option, Elements elements) {
        return new RegistryPackage(option.orElseGet(() -> elements.getPackageOf(sqlAnnotated).getQualifiedName().toString()),
                option.isEmpty(), 0, 0);
    }

    /**
     * @param migrations every migration of the compilation; an SQL file counts in the package annotated
     *     {@code @SqlMigrations} and is reachable from anywhere (the registry refers to it by its path)
     * @param option the value of {@code -Acairn.package}, already validated, or empty
     * @return the package, or empty after reporting why there is none
     */
    public static Optional<RegistryPackage> choose(List<MigrationModel> migrations, Optional<String> option,
                                                   Elements elements, ValidationReport report) {
        int total = migrations.size();
        if (option.isPresent()) {
            return Optional.of(new RegistryPackage(option.get(), false, total, total));
        }
        List<Placed> placed = migrations.stream()
                .map(migration -> new Placed(elements.getPackageOf(migration.element()).getQualifiedName().toString(),
                        migration.isClass() && needsItsOwnPackage(migration.type()), migration.version()))
                .toList();
        TreeSet<String> packages = placed.stream().map(Placed::packageName).collect(Collectors.toCollection(TreeSet::new));
        String common = longestCommonPackage(packages);
        boolean allUnnamed = packages.size() == 1 && packages.first().isEmpty();
        if (common.isEmpty() && !allUnnamed) {
            String names = packages.stream().map(name -> name.isEmpty() ? "the unnamed package" : name)
                    .collect(Collectors.joining(", "));
            report.report(Finding.global(Message.NO_COMMON_PACKAGE, names));
            return Optional.empty();
        }
        if (placed.stream().allMatch(migration -> reaches(common, migration))) {
            return Optional.of(new RegistryPackage(common, true, total, total));
        }
        Candidate best = candidates(packages, common).stream()
                .map(name -> evaluate(name, placed))
                .min(Comparator.comparingInt(Candidate::reached).reversed()
                        .thenComparing(Candidate::earliest, RegistryPackage::earlierFirst)
                        .thenComparing(Comparator.comparingInt(Candidate::depth).reversed())
                        .thenComparing(Candidate::name))
                .orElseThrow();
        return Optional.of(new RegistryPackage(best.name(), true, best.reached(), total));
    }

    /**
     * Whether the class can only be created from its own package: it, an enclosing class or its
     * no-argument constructor is neither public nor private. A private one is out of reach from
     * every package ({@link ClassValidator} reports it), so it does not hold the registry anywhere.
     * A class in the unnamed package needs no answer: migrations share a package with it only
     * when all of them are there.
     */
    private static boolean needsItsOwnPackage(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (isPackageLevel(e)) {
                return true;
            }
        }
        List<ExecutableElement> noArgument = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(constructor -> constructor.getParameters().isEmpty()).toList();
        return noArgument.stream().noneMatch(c -> c.getModifiers().contains(Modifier.PUBLIC))
                && noArgument.stream().anyMatch(RegistryPackage::isPackageLevel);
    }

    private static boolean isPackageLevel(Element element) {
        return !element.getModifiers().contains(Modifier.PUBLIC) && !element.getModifiers().contains(Modifier.PRIVATE);
    }

    private static boolean reaches(String registryPackage, Placed migration) {
        return !migration.needsItsOwnPackage() || migration.packageName().equals(registryPackage);
    }

    /** {@code common} and every package between it and each migration's own package. */
    private static TreeSet<String> candidates(TreeSet<String> packages, String common) {
        TreeSet<String> candidates = new TreeSet<>();
        for (String name : packages) {
            for (String candidate = name; ; candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
                candidates.add(candidate);
                if (candidate.equals(common)) {
                    break;
                }
            }
        }
        return candidates;
    }

    private static Candidate evaluate(String name, List<Placed> placed) {
        List<Placed> reached = placed.stream()
                .filter(migration -> migration.packageName().equals(name) || migration.packageName().startsWith(name + "."))
                .filter(migration -> reaches(name, migration))
                .toList();
        Optional<MigrationVersion> earliest = reached.stream().map(Placed::version).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        return new Candidate(name, reached.size(), earliest);
    }

    /** A package reaching a version comes before one reaching none; lower versions first. */
    private static int earlierFirst(Optional<MigrationVersion> a, Optional<MigrationVersion> b) {
        if (a.isPresent() && b.isPresent()) {
            return a.get().compareTo(b.get());
        }
        return Boolean.compare(a.isEmpty(), b.isEmpty());
    }

    private static String longestCommonPackage(TreeSet<String> packages) {
        List<String> common = null;
        for (String name : packages) {
            List<String> segments = name.isEmpty() ? List.of() : Arrays.asList(name.split("\\."));
            if (common == null) {
                common = segments;
                continue;
            }
            int shared = 0;
            while (shared < Math.min(common.size(), segments.size()) && common.get(shared).equals(segments.get(shared))) {
                shared++;
            }
            common = common.subList(0, shared);
        }
        return common == null ? "" : String.join(".", common);
    }
}
