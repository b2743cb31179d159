package dev.cairn.runtime.internal;

import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.RepeatableMigration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of a plan that has none compiled in, by the processor's algorithm
 * ({@code plan1:}): SHA-256 over each migration's version and checksum, in version order, then
 * each repeatable migration's name and checksum, in name order ({@code R\tname\tchecksum}).
 */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(List<MigrationDescriptor> migrations, List<RepeatableMigration> repeatables) {
        StringBuilder text = new StringBuilder();
        migrations.stream().sorted(Comparator.comparing(MigrationDescriptor::version))
                .forEach(m -> text.append(m.version().canonical()).append('\t').append(m.checksum()).append('\n'));
        repeatables.stream().sorted(Comparator.comparing(RepeatableMigration::name))
                .forEach(r -> text.append("R\t").append(r.name()).append('\t').append(r.checksum()).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "plan1:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
