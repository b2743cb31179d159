package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as an SVG picture a browser opens, laid out here with no external tool: one row per
 * layer (the longest path from the roots), top to bottom as the migrations were written, the
 * migrations of a layer side by side in plan order, centred; each a rounded rectangle coloured by
 * its state, each dependency a curve from the prerequisite down to the migration that needs it; a
 * legend below.
 */
final class PlanSvg {

    private static final int NODE_WIDTH = 250;
    private static final int NODE_HEIGHT = 58;
    private static final int COLUMN_GAP = 40;
    private static final int ROW_GAP = 36;
    private static final int MARGIN = 24;
    private static final int TITLE_HEIGHT = 34;
    private static final int LEGEND_HEIGHT = 40;
    private static final int DESCRIPTION_CHARACTERS = 32;

    private record Box(int x, int y) {
    }

    private PlanSvg() {
    }

    static String render(PlanView plan) {
        Map<MigrationVersion, Integer> layers = plan.graph().layers();
        Map<Integer, Integer> perLayer = new HashMap<>();
        layers.values().forEach(layer -> perLayer.merge(layer, 1, Integer::sum));
        int rows = perLayer.size();
        int columns = perLayer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int graphWidth = columns * NODE_WIDTH + Math.max(0, columns - 1) * COLUMN_GAP;
        List<PlanView.Look> legend = plan.hasStates()
                ? List.of(PlanView.Look.APPLIED, PlanView.Look.PENDING, PlanView.Look.FAILED, PlanView.Look.ATTENTION)
                : List.of(PlanView.Look.NOT_READ);
        // Wide enough for the graph, the legend and the title (bold 15 px: about 9 px a character).
        int width = 2 * MARGIN + Math.max(graphWidth, Math.max(legend.size() * 170, plan.title().length() * 9));
        int height = 2 * MARGIN + TITLE_HEIGHT + rows * NODE_HEIGHT + Math.max(0, rows - 1) * ROW_GAP + LEGEND_HEIGHT;
        Map<Integer, Integer> placed = new HashMap<>();
        Map<MigrationVersion, Box> boxes = new HashMap<>();
        for (MigrationDescriptor m : plan.migrations()) {
            int layer = layers.get(m.version());
            int inLayer = perLayer.get(layer);
            int column = placed.merge(layer, 1, Integer::sum) - 1;
            int rowWidth = inLayer * NODE_WIDTH + (inLayer - 1) * COLUMN_GAP;
            boxes.put(m.version(), new Box((width - rowWidth) / 2 + column * (NODE_WIDTH + COLUMN_GAP),
                    MARGIN + TITLE_HEIGHT + layer * (NODE_HEIGHT + ROW_GAP)));
        }

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">%n", width, height, width, height));
        svg.append("  <title>").append(escaped(plan.title())).append("</title>\n");
        svg.append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555555\"/></marker></defs>\n");
        svg.append(String.format(Locale.ROOT, "  <rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", MARGIN,
                MARGIN + 12, escaped(plan.title())));
        PlanText.edges(plan, (from, to) -> edge(svg, boxes.get(from), boxes.get(to)));
        for (MigrationDescriptor m : plan.migrations()) {
            node(svg, plan, m, boxes.get(m.version()));
        }
        legend(svg, legend, height - MARGIN - 14);
        return svg.append("</svg>\n").toString();
    }

    /** A curve from the bottom of the prerequisite to the top of the migration that needs it. */
    private static void edge(StringBuilder svg, Box from, Box to) {
        int x1 = from.x() + NODE_WIDTH / 2;
        int y1 = from.y() + NODE_HEIGHT;
        int x2 = to.x() + NODE_WIDTH / 2;
        int y2 = to.y();
        int bend = Math.max(ROW_GAP / 2, (y2 - y1) / 2);
        svg.append(String.format(Locale.ROOT, "  <path d=\"M %d %d C %d %d, %d %d, %d %d\" fill=\"none\" stroke=\"#555555\""
                + " stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>%n", x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2));
    }

    private static void node(StringBuilder svg, PlanView plan, MigrationDescriptor m, Box box) {
        PlanView.Look look = plan.look(m.version());
        String state = plan.state(m.version()).map(Json::word).orElse("");
        svg.append("  <g>\n    <title>").append(escaped(m.displayName() + (state.isEmpty() ? "" : ": " + state))).append("</title>\n");
        svg.append(String.format(Locale.ROOT, "    <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"10\" ry=\"10\" fill=\"%s\""
                + " stroke=\"%s\" stroke-width=\"2\"/>%n", box.x(), box.y(), NODE_WIDTH, NODE_HEIGHT, look.fill, look.stroke));
        svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", box.x() + 12,
                box.y() + 20, escaped(m.version().toString())));
        if (!state.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\" fill=\"%s\">%s</text>%n",
                    box.x() + NODE_WIDTH - 12, box.y() + 20, look.stroke, escaped(state)));
        }
        svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\">%s</text>%n  </g>%n", box.x() + 12, box.y() + 42,
                escaped(shortened(m.description()))));
    }

    private static void legend(StringBuilder svg, List<PlanView.Look> looks, int y) {
        int x = MARGIN;
        for (PlanView.Look look : looks) {
            svg.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"18\" height=\"14\" rx=\"4\" ry=\"4\" fill=\"%s\""
                    + " stroke=\"%s\" stroke-width=\"2\"/>%n", x, y - 11, look.fill, look.stroke));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\">%s</text>%n", x + 26, y, escaped(look.legend)));
            x += 170;
        }
    }

    /** The description cut to fit the box; the node's tooltip has it whole. */
    private static String shortened(String description) {
        return description.length() <= DESCRIPTION_CHARACTERS ? description
                : description.substring(0, DESCRIPTION_CHARACTERS - 1).stripTrailing() + "\u2026";
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
