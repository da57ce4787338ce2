package io.prod2test.report.html;

import static io.prod2test.report.html.Html.count;
import static io.prod2test.report.html.Html.esc;
import static io.prod2test.report.html.Html.num;

import io.prod2test.analyse.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link GraphLayout} as SVG: boxes coloured by service, edges as curves whose thickness
 * grows with the square root of their count (so that the rare paths stay visible beside the common
 * ones), a count on each edge, loops back in the flow dashed around the right of the boxes.
 */
final class FlowGraphSvg {
    static final String[] SERVICE_COLOURS = {"#2f6db5", "#b5572f", "#2f9a7a", "#8a4fb5", "#b5952f", "#b52f6a", "#4f7f2f", "#2f96b5"};

    private FlowGraphSvg() {
    }

    /** Services in order of first appearance, each with its colour. */
    static Map<String, String> colours(GraphLayout layout) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (GraphLayout.Node n : layout.nodes()) {
            if (!n.start()) {
                String service = service(n);
                colours.putIfAbsent(service, SERVICE_COLOURS[colours.size() % SERVICE_COLOURS.length]);
            }
        }
        return colours;
    }

    static String service(GraphLayout.Node n) {
        return n.route().service() == null ? "(unknown)" : n.route().service();
    }

    static String render(GraphLayout layout) {
        Map<String, String> colours = colours(layout);
        long max = layout.edges().stream().mapToLong(GraphLayout.Edge::count).max().orElse(1);
        double backDepth = 0;
        StringBuilder edges = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        List<GraphLayout.Edge> ordered = new ArrayList<>(layout.edges());
        java.util.Collections.reverse(ordered); // thin edges first, so heavy ones are drawn on top
        int backIndex = 0;
        for (GraphLayout.Edge e : ordered) {
            double width = 1 + 9 * Math.sqrt(e.count() / (double) max);
            GraphLayout.Node a = e.from();
            GraphLayout.Node b = e.to();
            String path;
            double lx;
            double ly;
            if (a == b) {
                double x = a.x() + a.w() - 14;
                path = "M" + num(x - 10) + "," + num(a.y()) + " C" + num(x - 14) + "," + num(a.y() - 26) + " " + num(x + 14) + ","
                        + num(a.y() - 26) + " " + num(x + 8) + "," + num(a.y());
                lx = x;
                ly = a.y() - 22;
            } else if (!e.back()) {
                double x1 = a.centerX() + spread(a, e, true);
                double y1 = a.y() + a.h();
                double x2 = b.centerX() + spread(b, e, false);
                double y2 = b.y();
                double dy = Math.max(30, (y2 - y1) / 2);
                path = "M" + num(x1) + "," + num(y1) + " C" + num(x1) + "," + num(y1 + dy) + " " + num(x2) + "," + num(y2 - dy) + " "
                        + num(x2) + "," + num(y2 - 3);
                if (b.layer() - a.layer() == 1) {
                    lx = (x1 + 3 * x1 + 3 * x2 + x2) / 8;
                    ly = (y1 + 3 * (y1 + dy) + 3 * (y2 - dy) + y2) / 8;
                } else {
                    // a long edge: its count sits just above its target, clear of the rows it crosses
                    lx = x2 + 14;
                    ly = y2 - 14;
                }
            } else {
                // back up to an earlier row: out of the right side, around, into the target's right side
                double x1 = a.x() + a.w();
                double y1 = a.centerY() + 4;
                double x2 = b.x() + b.w() + 3;
                double y2 = b.centerY() - 4;
                double bulge = 40 + 12 * (backIndex++ % 6) + 6 * (a.layer() - b.layer());
                double out = Math.max(x1, x2) + bulge;
                path = "M" + num(x1) + "," + num(y1) + " C" + num(out) + "," + num(y1) + " " + num(out) + "," + num(y2) + " " + num(x2)
                        + "," + num(y2);
                lx = (x1 + 3 * out + 3 * out + x2) / 8;
                ly = (y1 + 3 * y1 + 3 * y2 + y2) / 8;
                backDepth = Math.max(backDepth, out + 30);
            }
            String from = a.start() ? "session start" : a.route().label();
            String title = esc(from) + " → " + esc(b.route().label()) + ": " + count(e.count()) + " times in " + count(e.transition().sessions())
                    + " sessions" + downstream(e.transition());
            edges.append("<path class=\"edge").append(e.back() ? " back" : "").append("\" d=\"").append(path).append("\" stroke-width=\"")
                    .append(num(width)).append("\" data-count=\"").append(e.count()).append("\" data-from=\"").append(esc(from))
                    .append("\" data-to=\"").append(esc(b.route().label())).append("\" marker-end=\"url(#arrow)\"><title>").append(title)
                    .append("</title></path>");
            labels.append("<text class=\"edge-label\" x=\"").append(num(lx)).append("\" y=\"").append(num(ly + 4))
                    .append("\" text-anchor=\"middle\" data-count=\"").append(e.count()).append("\" data-from=\"").append(esc(from))
                    .append("\" data-to=\"").append(esc(b.route().label())).append("\">").append(count(e.count())).append("</text>");
        }
        StringBuilder nodes = new StringBuilder();
        for (GraphLayout.Node n : layout.nodes()) {
            if (n.start()) {
                nodes.append("<g class=\"start\" data-route=\"session start\"><rect x=\"").append(num(n.x())).append("\" y=\"").append(num(n.y()))
                        .append("\" width=\"").append(num(n.w())).append("\" height=\"").append(num(n.h()))
                        .append("\" rx=\"15\"/><text x=\"").append(num(n.x() + n.w() / 2)).append("\" y=\"").append(num(n.y() + 19))
                        .append("\" text-anchor=\"middle\">").append(esc(n.label())).append("</text></g>");
                continue;
            }
            String colour = colours.get(service(n));
            nodes.append("<g class=\"node\" data-route=\"").append(esc(n.route().label())).append("\" data-service=\"").append(esc(service(n)))
                    .append("\" tabindex=\"0\"><title>").append(esc(service(n))).append(' ').append(esc(n.route().label())).append(": ")
                    .append(count(n.calls())).append(" user calls</title><rect x=\"").append(num(n.x())).append("\" y=\"").append(num(n.y()))
                    .append("\" width=\"").append(num(n.w())).append("\" height=\"").append(num(n.h())).append("\" rx=\"5\" style=\"stroke:")
                    .append(colour).append("\"/><rect x=\"").append(num(n.x())).append("\" y=\"").append(num(n.y())).append("\" width=\"5\" height=\"")
                    .append(num(n.h())).append("\" style=\"fill:").append(colour).append("\"/><text x=\"").append(num(n.x() + 11)).append("\" y=\"")
                    .append(num(n.y() + 19)).append("\">").append(esc(n.label())).append("</text></g>");
        }
        double width = Math.max(layout.width(), backDepth);
        double height = layout.height();
        return "<svg id=\"flow-graph\" class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\""
                + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" role=\"img\" aria-label=\"flow graph\">"
                + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#56606b\"/></marker></defs>"
                + "<g class=\"edges\">" + edges + "</g><g class=\"nodes\">" + nodes + "</g><g class=\"labels\">" + labels + "</g></svg>";
    }

    /**
     * Where on a box's bottom (leaving) or top (arriving) an edge attaches: spread by the other end's
     * position, so that the edges of a busy box do not all meet in one point.
     */
    private static double spread(GraphLayout.Node node, GraphLayout.Edge e, boolean leaving) {
        GraphLayout.Node other = leaving ? e.to() : e.from();
        double offset = (other.centerX() - node.centerX()) / 6;
        double limit = node.w() / 2 - 12;
        return Math.max(-limit, Math.min(limit, offset));
    }

    private static String downstream(Transition t) {
        if (t.downstream().isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("; calls between services:");
        t.downstream().stream().limit(5).forEach(d -> s.append(" ").append(esc(d.service() == null ? "" : d.service() + " "))
                .append(esc(d.method())).append(' ').append(esc(d.target())).append(" ×").append(count(d.calls())).append(';'));
        return s.toString();
    }
}
