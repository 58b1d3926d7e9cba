package dev.keyway.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyway.engine.MapNodeCatalog;
import dev.keyway.engine.json.EngineJson;
import dev.keyway.engine.testnodes.TestNodes;
import org.junit.jupiter.api.Test;

class PatternSchemaTest {

    private final ObjectNode schema = new PatternSchema(new TestNodes().catalog()).generate();
    private final MiniSchemaValidator validator = new MiniSchemaValidator(schema);

    private static JsonNode json(String text) throws Exception {
        return EngineJson.mapper().readTree(text);
    }

    @Test
    void isDraft202012JsonWithOneDefinitionPerNodeType() throws Exception {
        JsonNode reparsed = json(EngineJson.write(schema));

        assertThat(reparsed.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(reparsed.at("/$defs/node/properties/type/enum")).extracting(JsonNode::asText)
                .contains("test.echo", "test.config");
        JsonNode config = reparsed.at("/$defs/node-test.config");
        assertThat(config.at("/properties/properties/required")).extracting(JsonNode::asText).containsExactly("url");
        assertThat(config.at("/properties/properties/properties/method/anyOf/0/enum"))
                .extracting(JsonNode::asText).containsExactly("GET", "POST");
        assertThat(config.at("/properties/properties/properties/url/description").asText()).isEqualTo("Where to go");
        assertThat(config.at("/properties/properties/properties/retries/anyOf/0/default").asInt()).isEqualTo(1);
        assertThat(config.at("/properties/properties/properties/apiKey/anyOf/0/writeOnly").asBoolean()).isTrue();
        assertThat(config.at("/properties/inputs/properties/count/anyOf/1/$ref").asText()).isEqualTo("#/$defs/wire");
    }

    @Test
    void acceptsAValidPattern() throws Exception {
        JsonNode pattern = json("""
                {"id": "demo", "name": "Demo", "trigger": {"type": "http", "path": "/demo"},
                 "nodes": [
                   {"id": "a", "type": "test.echo", "inputs": {"value": {"from": "trigger.x", "default": 1}}},
                   {"id": "b", "type": "test.config", "timeoutMs": 100,
                    "properties": {"url": "https://x", "method": "POST"},
                    "inputs": {"count": {"from": "a.value"}, "headers": {"h": {"from": "a.value"}}}}
                 ],
                 "outputs": {"o": {"from": "b.status"}}}
                """);

        assertThat(validator.validate(pattern)).isEmpty();
    }

    @Test
    void rejectsTypicalMistakes() throws Exception {
        assertThat(validator.validate(json("""
                {"id": "demo", "name": "Demo", "nodes": [{"id": "b", "type": "test.config",
                  "properties": {"method": "PUT", "urll": "https://x"}, "inputs": {"count": "three"}}]}
                """))).anySatisfy(e -> assertThat(e).contains("/properties/url"))
                .anySatisfy(e -> assertThat(e).contains("/properties/urll: not allowed"))
                .anySatisfy(e -> assertThat(e).contains("/properties/method"))
                .anySatisfy(e -> assertThat(e).contains("/inputs/count"));
        assertThat(validator.validate(json("{\"id\": \"x\", \"name\": \"x\", \"nodes\": [{\"id\": \"trigger\", \"type\": \"test.nope\"}]}")))
                .isNotEmpty();
        assertThat(validator.validate(json("{\"id\": \"x\", \"name\": \"x\", \"nodes\": [], \"extra\": 1}"))).isNotEmpty();
    }

    @Test
    void anEmptyCatalogStillYieldsAUsableSchema() {
        ObjectNode empty = new PatternSchema(new MapNodeCatalog(java.util.List.of())).generate();

        assertThat(empty.at("/$defs/node/properties/type/type").asText()).isEqualTo("string");
        assertThat(empty.at("/$defs/node/allOf")).isEmpty();
    }
}
