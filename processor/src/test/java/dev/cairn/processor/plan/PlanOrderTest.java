package dev.cairn.processor.plan;

import static com.google.common.truth.Truth.assertThat;

import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanOrderTest {

    @Test
    void readyMigrations_runLowestVersionFirst() {
        // 0 depends on 3; 1 and 2 depend on nothing: 1, 2, 3 are ready; 0 waits for 3.
        List<MigrationModel> plan = PlanOrder.of(TestGraphs.of(4, new int[][] {{0, 3}}));

        assertThat(plan.stream().map(MigrationModel::versionText).toList())
                .containsExactly("2", "3", "4", "1").inOrder();
    }

    @Test
    void aChainOfTwoHundredThousand_isOrdered() {
        List<MigrationModel> plan = PlanOrder.of(TestGraphs.chain(200_000));

        assertThat(plan).hasSize(200_000);
        assertThat(plan.get(199_999).versionText()).isEqualTo("200000");
    }

    @Test
    void membersOfACycle_areLeftOut() {
        List<MigrationModel> plan = PlanOrder.of(TestGraphs.of(3, new int[][] {{1, 2}, {2, 1}}));

        assertThat(plan.stream().map(MigrationModel::versionText).toList()).containsExactly("1");
    }
}
