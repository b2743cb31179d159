package dev.cairn.processor.validate;

import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.report.Finding;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.util.Elements;

/**
 * Chooses the registry's package: the one named by {@code -Acairn.package}, else the longest
 * package that contains every migration.
 */
public final class RegistryPackage {

    private RegistryPackage() {
    }

    /**
     * @param option the value of {@code -Acairn.package}, already validated, or empty
     * @return the package, or empty after reporting why there is none
     */
    public static Optional<String> choose(List<MigrationModel> migrations, Optional<String> option,
                                          Elements elements, ValidationReport report) {
        if (option.isPresent()) {
            return option;
        }
        TreeSet<String> packages = new TreeSet<>();
        for (MigrationModel migration : migrations) {
            packages.add(elements.getPackageOf(migration.element()).getQualifiedName().toString());
        }
        String common = longestCommonPackage(packages);
        boolean allUnnamed = packages.size() == 1 && packages.first().isEmpty();
        if (common.isEmpty() && !allUnnamed) {
            String names = packages.stream().map(name -> name.isEmpty() ? "the unnamed package" : name)
                    .collect(Collectors.joining(", "));
            report.report(Finding.global(Message.NO_COMMON_PACKAGE, names));
            return Optional.empty();
        }
        return Optional.of(common);
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
