package dev.keyway.engine.testnodes;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeException;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import dev.keyway.api.Secret;
import dev.keyway.api.ValueType;
import dev.keyway.engine.MapNodeCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Small node types for engine tests. Each records its id in {@link #started} when it runs. */
public final class TestNodes {

    public final Queue<String> started = new ConcurrentLinkedQueue<>();
    /** The thread each node ran on, by node id. */
    public final Map<String, Thread> threads = new java.util.concurrent.ConcurrentHashMap<>();

    /** Counted down by each {@code test.barrier} node; they wait until it reaches zero. */
    public volatile CountDownLatch barrier = new CountDownLatch(2);

    public MapNodeCatalog catalog() {
        return new MapNodeCatalog(all());
    }

    public List<NodeType> all() {
        return List.of(echo(), template(), fail(), sleep(), emitSecret(), encode(), barrierNode(), config());
    }

    /** {@code test.echo}: outputs its input {@code value} unchanged. */
    public NodeType echo() {
        return node(NodeSpec.builder("test.echo").description("Repeats its input.")
                .input(FieldSpec.builder("value").type(ValueType.ANY).required().description("What to repeat").build())
                .output(FieldSpec.builder("value").type(ValueType.ANY).build()).build(),
                context -> single("value", context.inputs().get("value")));
    }

    /** {@code test.template}: fills {value} in a template; a secret value is revealed on purpose (a leaky node). */
    public NodeType template() {
        return node(NodeSpec.builder("test.template")
                .property(FieldSpec.builder("template").required().description("Text with {value}").build())
                .input(FieldSpec.builder("value").type(ValueType.ANY).build())
                .output(FieldSpec.builder("text").build()).build(),
                context -> single("text", context.string("template").orElseThrow()
                        .replace("{value}", plain(context.inputs().get("value")))));
    }

    /** {@code test.fail}: throws a NodeException with {@code code}, or a raw exception when {@code crash} is set. */
    public NodeType fail() {
        return node(NodeSpec.builder("test.fail")
                .property(FieldSpec.builder("code").defaultValue("boom").build())
                .property(FieldSpec.builder("crash").type(ValueType.BOOLEAN).defaultValue(false).build())
                .input(FieldSpec.builder("detail").type(ValueType.ANY).build())
                .output(FieldSpec.builder("never").build()).build(),
                context -> {
                    String detail = plain(context.inputs().get("detail"));
                    if (Boolean.TRUE.equals(context.properties().get("crash"))) {
                        throw new IllegalStateException("crashed holding " + detail);
                    }
                    throw new NodeException((String) context.properties().get("code"), "failed with %s", detail);
                });
    }

    /** {@code test.sleep}: waits {@code ms} or until cancelled or interrupted. */
    public NodeType sleep() {
        return node(NodeSpec.builder("test.sleep")
                .input(FieldSpec.builder("ms").type(ValueType.INTEGER).required().build())
                .input(FieldSpec.builder("after").type(ValueType.ANY).build())
                .output(FieldSpec.builder("slept").type(ValueType.BOOLEAN).build()).build(),
                context -> {
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(((Number) context.inputs().get("ms")).longValue());
                    while (System.nanoTime() < until && !context.isCancelled()) {
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new NodeException("interrupted", "sleep interrupted");
                        }
                    }
                    return single("slept", true);
                });
    }

    /** {@code test.emit-secret}: returns {@code seed} as a Secret output and logs it in the clear (a leaky node). */
    public NodeType emitSecret() {
        return node(NodeSpec.builder("test.emit-secret")
                .input(FieldSpec.builder("seed").required().build())
                .output(FieldSpec.builder("secret").type(ValueType.SECRET).build()).build(),
                context -> {
                    String seed = context.string("seed").orElseThrow();
                    Secret secret = context.registerSecret(Secret.of(seed));
                    context.log().info("minted {} for you", seed);
                    return single("secret", secret);
                });
    }

    /** {@code test.encode}: writes a (revealed) value in an encoding into its output, its log and, with {@code failWith}, its error. */
    public NodeType encode() {
        return node(NodeSpec.builder("test.encode")
                .property(FieldSpec.builder("encoding").allowedValues("plain", "base64", "base64url", "url", "json").required().build())
                .property(FieldSpec.builder("failWith").build())
                .input(FieldSpec.builder("value").type(ValueType.ANY).required().build())
                .output(FieldSpec.builder("text").build()).build(),
                context -> {
                    String text = encodeAs((String) context.properties().get("encoding"), plain(context.inputs().get("value")));
                    context.log().warn("encoded as {}", text);
                    context.properties().keySet().stream().filter("failWith"::equals).findAny().ifPresent(code -> {
                        throw new NodeException((String) context.properties().get("failWith"), "could not use %s", text);
                    });
                    return single("text", "prefix:" + text + ":suffix");
                });
    }

    /** {@code test.barrier}: counts down {@link #barrier} and waits for it, proving another node runs at the same time. */
    public NodeType barrierNode() {
        return node(NodeSpec.builder("test.barrier")
                .input(FieldSpec.builder("after").type(ValueType.ANY).description("Only orders the node").build())
                .output(FieldSpec.builder("met").type(ValueType.BOOLEAN).build()).build(),
                context -> {
                    CountDownLatch latch = barrier;
                    latch.countDown();
                    try {
                        if (!latch.await(10, TimeUnit.SECONDS)) {
                            throw new NodeException("alone", "no other branch ran concurrently");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new NodeException("interrupted", "interrupted");
                    }
                    return single("met", true);
                });
    }

    /** {@code test.config}: has typed, enumerated, validated and sensitive properties for validation tests. */
    public NodeType config() {
        return node(NodeSpec.builder("test.config").displayName("Config").description("Typed fields.")
                .property(FieldSpec.builder("method").allowedValues("GET", "POST").defaultValue("GET").build())
                .property(FieldSpec.builder("url").required().description("Where to go")
                        .validator(dev.keyway.api.FieldValidator.matches("https://.*", "an https URL")).build())
                .property(FieldSpec.builder("retries").type(ValueType.INTEGER).defaultValue(1)
                        .validator(dev.keyway.api.FieldValidator.range(0, 5)).build())
                .property(FieldSpec.builder("apiKey").sensitive().allowedValues("k1", "k2").build())
                .input(FieldSpec.builder("headers").type(ValueType.OBJECT).build())
                .input(FieldSpec.builder("count").type(ValueType.INTEGER).build())
                .input(FieldSpec.builder("level").allowedValues("low", "high").build())
                .input(FieldSpec.builder("token").type(ValueType.SECRET).build())
                .output(FieldSpec.builder("body").type(ValueType.ANY).build())
                .output(FieldSpec.builder("status").type(ValueType.INTEGER).build()).build(),
                context -> Map.of("body", Map.of("seen", new ArrayList<>(context.inputs().keySet())), "status", 200));
    }

    public static String encodeAs(String encoding, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return switch (encoding) {
            case "base64" -> Base64.getEncoder().encodeToString(utf8);
            case "base64url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(utf8);
            case "url" -> URLEncoder.encode(text, StandardCharsets.UTF_8);
            case "json" -> text.replace("\\", "\\\\").replace("\"", "\\\"");
            default -> text;
        };
    }

    private static String plain(Object value) {
        return value instanceof Secret secret ? secret.reveal() : String.valueOf(value);
    }

    private static Map<String, Object> single(String name, Object value) {
        java.util.Map<String, Object> map = new java.util.HashMap<>();
        map.put(name, value);
        return map;
    }

    private NodeType node(NodeSpec spec, Function<NodeContext, Map<String, Object>> body) {
        return new NodeType() {
            @Override
            public NodeSpec spec() {
                return spec;
            }

            @Override
            public Map<String, Object> execute(NodeContext context) {
                started.add(context.nodeId());
                threads.put(context.nodeId(), Thread.currentThread());
                return body.apply(context);
            }
        };
    }
}
