package dev.cairn.processor.plan;

import static com.google.common.truth.Truth.assertThat;

import dev.cairn.MigrationVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanFingerprintTest {

    @Test
    void isTheSha256OfOneLinePerMigration_inVersionOrder() throws Exception {
        Map<MigrationVersion, String> checksums = checksums("10", "src1:c", "2.1", "src1:b", "1", "src1:a");

        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest("1\tsrc1:a\n2.1\tsrc1:b\n10\tsrc1:c\n".getBytes(StandardCharsets.UTF_8));
        assertThat(PlanFingerprint.of(checksums)).isEqualTo("plan1:" + HexFormat.of().formatHex(expected));
    }

    @Test
    void spellingsOfOneVersion_giveOneFingerprint() {
        String written = PlanFingerprint.of(checksums("1", "src1:a", "2", "src1:b"));

        assertThat(PlanFingerprint.of(checksums("01", "src1:a", "2.0", "src1:b"))).isEqualTo(written);
        assertThat(PlanFingerprint.of(checksums("1.0.0", "src1:a", "002.00", "src1:b"))).isEqualTo(written);
    }

    @Test
    void aChangedChecksumOrVersion_changesTheFingerprint() {
        String original = PlanFingerprint.of(checksums("1", "src1:a", "2", "src1:b"));

        assertThat(PlanFingerprint.of(checksums("1", "src1:a", "2", "src1:c"))).isNotEqualTo(original);
        assertThat(PlanFingerprint.of(checksums("1", "src1:a", "2.1", "src1:b"))).isNotEqualTo(original);
        assertThat(PlanFingerprint.of(checksums("1", "src1:a"))).isNotEqualTo(original);
    }

    /** Versions and checksums, alternating, in the order given. */
    private static Map<MigrationVersion, String> checksums(String... versionsAndChecksums) {
        Map<MigrationVersion, String> checksums = new LinkedHashMap<>();
        for (int i = 0; i < versionsAndChecksums.length; i += 2) {
            checksums.put(MigrationVersion.parse(versionsAndChecksums[i]), versionsAndChecksums[i + 1]);
        }
        return checksums;
    }
}
