package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.examples.codetune.MigrationRegistry;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code cairn plan} and {@code cairn heads} through the built command: the graph in every format, states marked. */
class PlanIT {

    private static final String CODETUNE = CairnProcess.classpathOf(MigrationRegistry.class);

    @TempDir
    Path directory;

    @Test
    void plan_withoutADatabase_isTheGraph_asATable_mermaid_andDot() {
        CairnProcess cairn = new CairnProcess(directory).env("CAIRN_CLASSPATH", CODETUNE);
        Normalized.assertGolden("plan.txt", cairn.run("plan").exits(0).out());
        Normalized.assertGolden("plan.mmd", cairn.run("plan", "--format", "mermaid").exits(0).out());
        Normalized.assertGolden("plan.dot", cairn.run("plan", "--format", "dot").exits(0).out());
        CairnProcess.Run heads = cairn.run("heads", "--json").exits(0);
        assertEquals(List.of("7"), CodetuneIT.versions(heads.json().get("heads")));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void plan_onADatabase_marksEachMigrationsState_inTheTable_theJson_andTheSvgPicture(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE);
            cairn.run("migrate", "--target", "4", "--yes").exits(0);

            String database = cairn.run("status", "--json").exits(0).json().get("database").asText();
            Normalized.assertGolden("plan-on-database.txt", CodetuneIT.normalized(cairn.run("plan").exits(0).out(), database, db));

            JsonNode plan = cairn.run("plan", "--format", "json").exits(0).json();
            List<String> states = new ArrayList<>();
            plan.get("migrations").forEach(m -> states.add(m.get("version").asText() + "=" + m.get("state").asText()
                    + "@" + m.get("layer").asInt()));
            assertEquals(List.of("1=APPLIED@0", "2=APPLIED@1", "3=APPLIED@2", "4=APPLIED@3", "4.1=PENDING@3", "5=PENDING@4",
                    "6=PENDING@5", "7=PENDING@6"), states);
            assertEquals("[\"4\",\"4.1\"]", plan.get("migrations").get(5).get("dependsOn").toString());

            cairn.run("plan", "--format", "svg", "--output", "plan.svg").exits(0);
            Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                    new ByteArrayInputStream(Files.readAllBytes(directory.resolve("plan.svg"))));
            assertEquals("svg", svg.getDocumentElement().getTagName());
            List<String> nodes = new ArrayList<>();
            NodeList groups = svg.getElementsByTagName("g");
            for (int i = 0; i < groups.getLength(); i++) {
                Element group = (Element) groups.item(i);
                Element box = (Element) group.getElementsByTagName("rect").item(0);
                nodes.add(group.getElementsByTagName("title").item(0).getTextContent().replaceAll(" \\(.*\\)", "") + " " + box.getAttribute("fill"));
            }
            assertEquals(List.of("1 \"Create the training_config table\": applied #c8e6c9",
                    "2 \"Create the training_metric table\": applied #c8e6c9",
                    "3 \"Add process_rank to training_metric\": applied #c8e6c9",
                    "4 \"Add owner to training_config\": applied #c8e6c9",
                    "4.1 \"Index training_metric by config and step\": pending #eeeeee",
                    "5 \"Merge the branches: the latest metric of each config\": pending #eeeeee",
                    "6 \"Add loss_gap to training_metric\": pending #eeeeee",
                    "7 \"Backfill loss_gap of logged metrics\": pending #eeeeee"), nodes);
            assertEquals(8, svg.getElementsByTagName("path").getLength() - 1, "one edge per dependency, besides the arrow head");
            String text = new String(Files.readAllBytes(directory.resolve("plan.svg")), StandardCharsets.UTF_8);
            assertTrue(text.contains(">applied</text>") && text.contains(">needs attention</text>"), "the legend");
        }
    }
}
