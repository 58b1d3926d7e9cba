package dev.keyway.engine;

import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import java.util.List;
import java.util.Optional;

/** The node types an engine knows, whoever contributes them (plugins, tests). Must be thread-safe. */
public interface NodeCatalog {

    /** The node type with this id, e.g. {@code http.request}. */
    Optional<NodeType> find(String type);

    /** The specs of every known node type, sorted by type id. */
    List<NodeSpec> specs();
}
