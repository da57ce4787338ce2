package io.prod2test.report.html;

import io.prod2test.analyse.Route;
import io.prod2test.analyse.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A layered drawing of the directly-follows graph, top to bottom (Sugiyama style): cycles broken by a
 * depth-first search that follows the heaviest edges first, layers by longest path from the session
 * start, the order within a layer by weighted barycentres over a few sweeps, and coordinates from
 * the label widths. Top to bottom because flows are long chains: a page scrolls down, not sideways.
 *
 * @param nodes  the placed nodes, the session start first
 * @param edges  the placed edges, heaviest first
 * @param width  the drawing's width in pixels
 * @param height the drawing's height in pixels
 */
public record GraphLayout(List<Node> nodes, List<Edge> edges, double width, double height) {
    static final double CHAR_WIDTH = 7.3;
    static final double NODE_HEIGHT = 30;
    static final double ROW_GAP = 64;
    static final double NODE_GAP = 36;
    /** A row of boxes is kept within this width, so the graph fits a page without scrolling sideways. */
    static final double MAX_ROW_WIDTH = 1240;
    static final double MARGIN = 40;
    private static final int SWEEPS = 8;

    public GraphLayout {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * A node: a route, or the start of a session.
     *
     * @param route the route, {@code null} for the session start
     * @param label what the box says
     * @param calls arrivals from users (transitions into it)
     * @param layer its row, 0 for the session start
     * @param x     left edge
     * @param y     top edge
     * @param w     box width
     */
    public record Node(Route route, String label, long calls, int layer, double x, double y, double w) {
        public double h() {
            return NODE_HEIGHT;
        }

        public double centerY() {
            return y + NODE_HEIGHT / 2;
        }

        public double centerX() {
            return x + w / 2;
        }

        public boolean start() {
            return route == null;
        }
    }

    /**
     * An edge between placed nodes.
     *
     * @param from       where users came from
     * @param to         where they went
     * @param transition the analysis' transition
     * @param back       whether it points to the same or an earlier layer (a loop back in the flow)
     */
    public record Edge(Node from, Node to, Transition transition, boolean back) {
        public long count() {
            return transition.count();
        }
    }

    /** Lays out the graph; routes are identified by id, the session start by a {@code null} from. */
    public static GraphLayout of(List<Transition> graph) {
        Map<Long, Route> routes = new LinkedHashMap<>();
        Map<Long, List<Transition>> out = new HashMap<>();
        Map<Long, Long> calls = new HashMap<>();
        long startId = 0; // route ids are 1 or more
        for (Transition t : graph) {
            long from = t.from() == null ? startId : t.from().id();
            if (t.from() != null) {
                routes.putIfAbsent(t.from().id(), t.from());
            }
            routes.putIfAbsent(t.to().id(), t.to());
            out.computeIfAbsent(from, k -> new ArrayList<>()).add(t);
            calls.merge(t.to().id(), t.count(), Long::sum);
        }
        Comparator<Transition> heaviest = Comparator.comparingLong(Transition::count).reversed()
                .thenComparing(t -> t.to().label());
        out.values().forEach(list -> list.sort(heaviest));

        // 1. break cycles: an edge to a node still on the DFS stack is a back edge
        Set<String> backEdges = new HashSet<>();
        List<Long> discovery = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        List<Long> roots = new ArrayList<>();
        roots.add(startId);
        routes.keySet().stream().sorted().forEach(roots::add);
        for (Long root : roots) {
            if (!visited.contains(root)) {
                dfs(root, out, visited, new HashSet<>(), discovery, backEdges);
            }
        }

        // 2. layers by longest path over the forward edges (Kahn's order)
        Map<Long, Integer> layer = new HashMap<>();
        Map<Long, Integer> indegree = new HashMap<>();
        discovery.forEach(n -> indegree.put(n, 0));
        forward(out, backEdges, (a, b) -> indegree.merge(b, 1, Integer::sum));
        Deque<Long> ready = new ArrayDeque<>();
        discovery.stream().filter(n -> indegree.get(n) == 0).forEach(ready::add);
        discovery.forEach(n -> layer.put(n, 0));
        List<Long> topological = new ArrayList<>();
        while (!ready.isEmpty()) {
            long n = ready.poll();
            topological.add(n);
            for (Transition t : out.getOrDefault(n, List.of())) {
                long to = t.to().id();
                if (backEdges.contains(n + ">" + to)) {
                    continue;
                }
                layer.put(to, Math.max(layer.get(to), layer.get(n) + 1));
                if (indegree.merge(to, -1, Integer::sum) == 0) {
                    ready.add(to);
                }
            }
        }
        if (graph.stream().noneMatch(t -> t.from() == null)) {
            discovery.remove(Long.valueOf(startId)); // no session starts known: no start node
        }
        // 2b. rows no wider than a page: the least called routes of a row too wide move a row down,
        // and whatever follows them moves along, so that every forward edge still points down
        for (int row = 0; row <= discovery.stream().mapToInt(layer::get).max().orElse(0); row++) {
            int current = row;
            List<Long> members = new ArrayList<>(discovery.stream().filter(n -> layer.get(n) == current).toList());
            members.sort(Comparator.comparing((Long n) -> n != startId).thenComparing(n -> -calls.getOrDefault(n, 0L)));
            double width = -NODE_GAP;
            boolean moved = false;
            for (Long n : members) {
                width += boxWidth(label(n, routes, calls)) + NODE_GAP;
                if (width > MAX_ROW_WIDTH && n != members.getFirst()) {
                    layer.put(n, current + 1);
                    moved = true;
                }
            }
            if (moved) {
                for (Long n : topological) {
                    for (Transition t : out.getOrDefault(n, List.of())) {
                        if (!backEdges.contains(n + ">" + t.to().id())) {
                            layer.put(t.to().id(), Math.max(layer.get(t.to().id()), layer.get(n) + 1));
                        }
                    }
                }
            }
        }
        int layers = discovery.stream().mapToInt(layer::get).max().orElse(0) + 1;
        List<List<Long>> columns = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            columns.add(new ArrayList<>());
        }
        discovery.forEach(n -> columns.get(layer.get(n)).add(n));

        // 3. order within layers: weighted barycentres, alternating directions
        Map<Long, Map<Long, Long>> weights = new HashMap<>(); // undirected weight between nodes
        for (Transition t : graph) {
            long a = t.from() == null ? startId : t.from().id();
            long b = t.to().id();
            if (a != b) {
                weights.computeIfAbsent(a, k -> new HashMap<>()).merge(b, t.count(), Long::sum);
                weights.computeIfAbsent(b, k -> new HashMap<>()).merge(a, t.count(), Long::sum);
            }
        }
        Map<Long, Double> position = new HashMap<>();
        columns.forEach(col -> { for (int i = 0; i < col.size(); i++) position.put(col.get(i), (double) i); });
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean rightward = sweep % 2 == 0;
            for (int c = rightward ? 1 : layers - 2; rightward ? c < layers : c >= 0; c += rightward ? 1 : -1) {
                int neighbour = rightward ? c - 1 : c + 1;
                List<Long> col = columns.get(c);
                Map<Long, Double> bary = new HashMap<>();
                for (Long n : col) {
                    double sum = 0;
                    double weight = 0;
                    for (var e : weights.getOrDefault(n, Map.of()).entrySet()) {
                        if (layer.containsKey(e.getKey()) && layer.get(e.getKey()) == neighbour && position.containsKey(e.getKey())) {
                            sum += position.get(e.getKey()) * e.getValue();
                            weight += e.getValue();
                        }
                    }
                    bary.put(n, weight == 0 ? position.get(n) : sum / weight);
                }
                col.sort(Comparator.comparingDouble(bary::get));
                for (int i = 0; i < col.size(); i++) {
                    position.put(col.get(i), (double) i);
                }
            }
        }

        // 4. coordinates: rows as wide as their labels, each row centred on the widest
        double widest = 0;
        for (List<Long> row : columns) {
            widest = Math.max(widest, rowWidth(row, routes, calls));
        }
        Map<Long, Node> placed = new HashMap<>();
        double y = MARGIN;
        for (List<Long> row : columns) {
            double x = MARGIN + (widest - rowWidth(row, routes, calls)) / 2;
            for (Long n : row) {
                String label = label(n, routes, calls);
                placed.put(n, new Node(n == startId ? null : routes.get(n), label, calls.getOrDefault(n, 0L), layer.get(n), x, y, boxWidth(label)));
                x += boxWidth(label) + NODE_GAP;
            }
            y += NODE_HEIGHT + ROW_GAP;
        }
        List<Node> nodes = new ArrayList<>();
        columns.forEach(col -> col.forEach(n -> nodes.add(placed.get(n))));
        List<Edge> edges = new ArrayList<>();
        for (Transition t : graph) {
            Node from = placed.get(t.from() == null ? startId : t.from().id());
            Node to = placed.get(t.to().id());
            if (from != null && to != null) {
                edges.add(new Edge(from, to, t, to.layer() <= from.layer()));
            }
        }
        edges.sort(Comparator.comparingLong(Edge::count).reversed());
        return new GraphLayout(nodes, edges, widest + 2 * MARGIN, y - ROW_GAP + MARGIN);
    }

    private static void dfs(long node, Map<Long, List<Transition>> out, Set<Long> visited, Set<Long> onStack, List<Long> discovery,
                            Set<String> backEdges) {
        // iterative, so that a long chain of routes cannot overflow the stack
        Deque<long[]> stack = new ArrayDeque<>();
        visited.add(node);
        onStack.add(node);
        discovery.add(node);
        stack.push(new long[] {node, 0});
        while (!stack.isEmpty()) {
            long[] top = stack.peek();
            List<Transition> next = out.getOrDefault(top[0], List.of());
            if (top[1] >= next.size()) {
                onStack.remove(top[0]);
                stack.pop();
                continue;
            }
            long to = next.get((int) top[1]++).to().id();
            if (onStack.contains(to)) {
                backEdges.add(top[0] + ">" + to);
            } else if (visited.add(to)) {
                onStack.add(to);
                discovery.add(to);
                stack.push(new long[] {to, 0});
            }
        }
    }

    private interface EdgeVisitor {
        void visit(long from, long to);
    }

    private static void forward(Map<Long, List<Transition>> out, Set<String> backEdges, EdgeVisitor visitor) {
        out.forEach((from, list) -> list.forEach(t -> {
            if (!backEdges.contains(from + ">" + t.to().id())) {
                visitor.visit(from, t.to().id());
            }
        }));
    }

    private static double rowWidth(List<Long> row, Map<Long, Route> routes, Map<Long, Long> calls) {
        double width = 0;
        for (Long n : row) {
            width += boxWidth(label(n, routes, calls)) + NODE_GAP;
        }
        return Math.max(0, width - NODE_GAP);
    }

    private static String label(long n, Map<Long, Route> routes, Map<Long, Long> calls) {
        if (n == 0) {
            return "▶ session start";
        }
        Route r = Objects.requireNonNull(routes.get(n));
        return r.label() + "  " + String.format(java.util.Locale.ROOT, "%,d", calls.getOrDefault(n, 0L));
    }

    static double boxWidth(String label) {
        return label.codePointCount(0, label.length()) * CHAR_WIDTH + 20;
    }
}
