package dev.keyway.engine;

import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A fixed catalog built from node type instances; handy for tests and embedded use. */
public final class MapNodeCatalog implements NodeCatalog {

    private final Map<String, NodeType> types;

    public MapNodeCatalog(List<? extends NodeType> nodeTypes) {
        Map<String, NodeType> byId = new TreeMap<>();
        for (NodeType type : nodeTypes) {
            String id = type.spec().type();
            if (byId.putIfAbsent(id, type) != null) {
                throw new IllegalArgumentException("two node types declare the id '" + id + "'");
            }
        }
        this.types = Map.copyOf(byId);
    }

    public static MapNodeCatalog of(NodeType... nodeTypes) {
        return new MapNodeCatalog(List.of(nodeTypes));
    }

    @Override
    public Optional<NodeType> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    @Override
    public List<NodeSpec> specs() {
        return new TreeMap<>(types).values().stream().map(NodeType::spec).toList();
    }
}
