package dev.keyway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeSpec;
import dev.keyway.engine.testnodes.TestNodes;
import org.junit.jupiter.api.Test;

class MapNodeCatalogTest {

    @Test
    void findsTypesAndListsSpecsSortedById() {
        TestNodes nodes = new TestNodes();
        MapNodeCatalog catalog = MapNodeCatalog.of(nodes.fail(), nodes.echo());

        assertThat(catalog.find("test.echo")).isPresent();
        assertThat(catalog.find("test.nope")).isEmpty();
        assertThat(catalog.specs()).extracting(NodeSpec::type).containsExactly("test.echo", "test.fail");
    }

    @Test
    void refusesTwoTypesWithOneId() {
        TestNodes nodes = new TestNodes();

        assertThatThrownBy(() -> MapNodeCatalog.of(nodes.echo(), nodes.echo()))
                .hasMessageContaining("'test.echo'");
    }
}
