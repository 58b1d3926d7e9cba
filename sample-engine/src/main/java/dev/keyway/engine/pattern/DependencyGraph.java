package dev.keyway.engine.pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which node reads from which, derived from the wires in node inputs. Wires to the trigger, to
 * unknown nodes or to the node itself are left out: validation reports those separately.
 */
public final class DependencyGraph {

    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
    private final Map<String, Set<String>> dependents = new LinkedHashMap<>();

    private DependencyGraph() {
    }

    public static DependencyGraph of(Pattern pattern) {
        DependencyGraph graph = new DependencyGraph();
        for (NodeDef node : pattern.nodes()) {
            graph.dependencies.put(node.id(), new LinkedHashSet<>());
            graph.dependents.put(node.id(), new LinkedHashSet<>());
        }
        for (NodeDef node : pattern.nodes()) {
            Wires.forEach(node.inputs(), "", (wire, pointer) -> {
                String source = wire.source();
                if (!source.equals(node.id()) && graph.dependencies.containsKey(source)) {
                    graph.dependencies.get(node.id()).add(source);
                    graph.dependents.get(source).add(node.id());
                }
            });
        }
        return graph;
    }

    /** The nodes {@code nodeId} reads from. */
    public Set<String> dependencies(String nodeId) {
        return Collections.unmodifiableSet(dependencies.getOrDefault(nodeId, Set.of()));
    }

    /** The nodes that read from {@code nodeId}. */
    public Set<String> dependents(String nodeId) {
        return Collections.unmodifiableSet(dependents.getOrDefault(nodeId, Set.of()));
    }

    public Set<String> nodeIds() {
        return Collections.unmodifiableSet(dependencies.keySet());
    }

    /**
     * Every distinct cycle, each as the node ids along it in wire order (a reads from b reads
     * from a is reported as [a, b]). Empty for a DAG.
     */
    public List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        Map<String, Integer> state = new HashMap<>(); // absent: new, 1: on stack, 2: done
        for (String start : dependencies.keySet()) {
            if (!state.containsKey(start)) {
                visit(start, new ArrayList<>(), state, cycles, seen);
            }
        }
        return cycles;
    }

    private void visit(String node, List<String> stack, Map<String, Integer> state,
                       List<List<String>> cycles, Set<Set<String>> seen) {
        state.put(node, 1);
        stack.add(node);
        for (String next : dependencies.get(node)) {
            Integer nextState = state.get(next);
            if (nextState == null) {
                visit(next, stack, state, cycles, seen);
            } else if (nextState == 1) {
                List<String> cycle = List.copyOf(stack.subList(stack.indexOf(next), stack.size()));
                if (seen.add(new HashSet<>(cycle))) {
                    cycles.add(cycle);
                }
            }
        }
        stack.remove(stack.size() - 1);
        state.put(node, 2);
    }
}
