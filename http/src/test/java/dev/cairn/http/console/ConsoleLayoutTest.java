package dev.cairn.http.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.testing.TestServer;
import dev.cairn.test.DatabaseKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's graph layout, run in the browser on a graph the fixtures do not have: a diamond
 * with a tail, two heads, and an arrow that skips layers.
 */
@ExtendWith(ChromiumExtension.class)
class ConsoleLayoutTest {

    /**
     * A diamond with a tail: 1; 2 and 3 on 1; 4 on 2 and 3; 5 on 4 and 1; 6 alone. Versions in
     * {@code applied} are APPLIED, the others PENDING.
     */
    private static final String GRAPH = """
            const edges = [['1','2'],['1','3'],['1','5'],['2','4'],['3','4'],['4','5']]
                .map(([from, to]) => ({from, to}));
            const layer = {1: 0, 2: 1, 3: 1, 4: 2, 5: 3, 6: 0};
            const graph = (applied) => ({edges, heads: ['5', '6'], nodes: ['1','2','3','4','5','6'].map(version => ({
                version, description: 'Migration ' + version, kind: 'java', reversible: true, transactional: true,
                dependsOn: edges.filter(e => e.to === version).map(e => e.from), layer: layer[version],
                state: applied.includes(version) ? 'APPLIED' : 'PENDING'}))});
            """;

    private static TestServer server;

    @BeforeAll
    static void openAnOrigin() {
        server = TestServer.start(DatabaseKind.SQLITE); // any page of the console's origin can import its modules
    }

    @AfterAll
    static void close() {
        server.close();
    }

    @Test
    void layout_drawsEveryNodeWithoutOverlap_andRoutesAnArrowThatSkipsALayerAroundTheNodes(Browser browser) {
        browser.open(server.uri());
        JsonNode drawn = browser.await(GRAPH + """
                const { renderGraph } = await import('/console/graph.js');
                const svg = renderGraph(graph(['1']), { selected: null, running: null, onSelect: () => {} });
                document.body.append(svg);
                const boxes = [...svg.querySelectorAll('.node')].map(n => n.getBoundingClientRect());
                const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter(b =>
                    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)).length;
                const skip = svg.querySelector('.edge[data-from="1"][data-to="5"]');
                const hits = [...svg.querySelectorAll('.node')].filter(n => {
                    const box = n.querySelector('.node-box').getBBox(), m = n.transform.baseVal.consolidate().matrix;
                    const length = skip.getTotalLength();
                    for (let d = 0; d <= length; d += 4) {
                        const p = skip.getPointAtLength(d);
                        if (p.x > m.e && p.x < m.e + box.width && p.y > m.f + 2 && p.y < m.f + box.height - 2) {
                            return true;
                        }
                    }
                    return false;
                }).map(n => n.dataset.version);
                return { nodes: boxes.length, overlaps, hits, heads: svg.querySelectorAll('.head-tag').length };
                """);
        assertEquals(6, drawn.get("nodes").asInt());
        assertEquals(0, drawn.get("overlaps").asInt(), drawn.toString());
        assertTrue(drawn.get("hits").isEmpty(), "the arrow from 1 to 5 crosses no node: " + drawn);
        assertEquals(2, drawn.get("heads").asInt(), "two heads: each carries a head tag");
    }
}
