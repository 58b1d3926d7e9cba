package dev.keyway.connections.nodes;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.FieldValidator;
import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeException;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.Secret;
import dev.keyway.api.ValueType;
import dev.keyway.connections.http.HttpResult;
import dev.keyway.connections.http.OutgoingRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.pf4j.Extension;

/**
 * HTTP Request: calls an HTTP API, optionally with a connection's (or run-time) credentials
 * injected in the provider's format, through the plugin's {@link dev.keyway.connections.http.SafeHttpClient}.
 */
@Extension
public final class HttpRequestNode extends ServicesNode {

    static final String TYPE = "connections.http-request";
    static final int MAX_REDIRECTS = 5;
    private static final java.util.regex.Pattern HEADER_NAME = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private static final NodeSpec SPEC = NodeSpec.builder(TYPE)
            .displayName("HTTP Request")
            .description("Calls an HTTP API. With a connection (or provider + credentials inputs) the credentials "
                    + "are injected in the provider's format, sent only to its allowed hosts and never across "
                    + "an origin-changing redirect.")
            .property(FieldSpec.builder("method").defaultValue("GET")
                    .allowedValues("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
                    .description("The HTTP method").build())
            .property(FieldSpec.builder("url").required().validator(FieldValidator.notBlank())
                    .description("The URL; {name} is filled (URL-encoded) from vars, {baseUrl} from the connection").build())
            .property(ConnectionReference.property()
                    .description("Optional connection whose credentials are injected: conn_... or 'provider/Display Name'")
                    .build())
            .property(FieldSpec.builder("bodyType").defaultValue("json")
                    .allowedValues(RequestBodies.TYPES.toArray(String[]::new))
                    .description("How the body input is encoded").build())
            .property(FieldSpec.builder("timeoutMs").type(ValueType.INTEGER).defaultValue(30_000)
                    .validator(FieldValidator.range(1, 600_000))
                    .description("Longest time for the whole exchange, redirects included; never past the deadline").build())
            .property(FieldSpec.builder("maxResponseBytes").type(ValueType.INTEGER).defaultValue(10 * 1024 * 1024)
                    .validator(FieldValidator.range(0, 256L * 1024 * 1024))
                    .description("Largest response body accepted").build())
            .property(FieldSpec.builder("followRedirects").type(ValueType.BOOLEAN).defaultValue(true)
                    .description("Follow 3xx answers (credentials never leave their origin)").build())
            .property(FieldSpec.builder("failOnErrorStatus").type(ValueType.BOOLEAN).defaultValue(true)
                    .description("Fail the node on a 4xx or 5xx answer").build())
            .property(FieldSpec.builder("secretPaths").type(ValueType.ARRAY).defaultValue(List.of())
                    .validator(SecretPaths::check)
                    .description("Dot paths into the response whose values come out as secrets, e.g. "
                            + "body.data.data.token, or body.data.data for every value of an object; a missing "
                            + "path fails the node").build())
            .input(FieldSpec.builder("headers").type(ValueType.OBJECT)
                    .description("Request headers; values may be secrets").build())
            .input(FieldSpec.builder("query").type(ValueType.OBJECT)
                    .description("Query parameters; values may be secrets").build())
            .input(FieldSpec.builder("body").type(ValueType.ANY).description("The request body").build())
            .input(FieldSpec.builder("vars").type(ValueType.OBJECT).description("Values for the url's {names}").build())
            .input(FieldSpec.builder("baseUrl")
                    .description("Fills {baseUrl} in the url when no connection gives one, e.g. wired from Get "
                            + "Connection's baseUrl").build())
            .input(FieldSpec.builder("provider")
                    .description("With credentials: a provider id from the catalogue, used instead of a connection").build())
            .input(FieldSpec.builder("credentials").type(ValueType.OBJECT).sensitive()
                    .description("With provider: credential fields by name, e.g. {\"api-key\": ...}").build())
            .input(FieldSpec.builder("authType").allowedValues("oauth", "api_key", "credentials", "basic", "bearer")
                    .description("With provider: the kind of credentials; defaults to the provider's first").build())
            .output(FieldSpec.builder("status").type(ValueType.INTEGER).description("HTTP status").build())
            .output(FieldSpec.builder("headers").type(ValueType.OBJECT)
                    .description("Response headers, lower-case names").build())
            .output(FieldSpec.builder("body").type(ValueType.ANY)
                    .description("Parsed JSON when the answer is JSON, else text").build())
            .output(FieldSpec.builder("ok").type(ValueType.BOOLEAN).description("True for a 2xx status").build())
            .output(FieldSpec.builder("durationMs").type(ValueType.INTEGER).description("Time taken").build())
            .build();

    /** Used by PF4J; services come from {@link NodeServicesRegistry}. */
    public HttpRequestNode() {
        this(NodeServicesRegistry::require);
    }

    public HttpRequestNode(Supplier<NodeServices> services) {
        super(SPEC, services);
    }

    @Override
    public Map<String, Object> execute(NodeContext context) {
        NodeServices runtime = services();
        UsageContext usage = UsageContext.of(context);
        ResolvedConnection connection = connection(context, runtime, usage);
        URI url = null;
        HttpResult result;
        Prepared prepared;
        long durationMs;
        try {
            CredentialBinding binding = connection != null ? CredentialBinding.of(connection, runtime)
                    : external(context, runtime);
            binding.register(context);
            String baseUrl = binding.baseUrl() != null ? binding.baseUrl() : context.string("baseUrl").orElse(null);
            url = RequestUrl.build(context.string("url").orElseThrow(), map(context, "vars"), baseUrl);
            prepared = prepare(context, binding, url);
            long start = System.nanoTime();
            result = runtime.http().send(prepared.request());
            ResolvedConnection renewed = result.status() == 401 && connection != null
                    ? runtime.resolver().renewRejected(connection, context.execution().principal(),
                            context.execution().environment())
                    : null;
            if (renewed != null) {
                // The provider refused the token and the connection renewed it (OAuth refresh): retry once.
                connection = renewed;
                binding = CredentialBinding.of(connection, runtime);
                binding.register(context);
                prepared = prepare(context, binding, url);
                result = runtime.http().send(prepared.request());
            }
            durationMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        } catch (RuntimeException e) {
            recordUse(runtime, connection, usage, url, e instanceof NodeException n ? n.code() : "error");
            throw e;
        }
        recordUse(runtime, connection, usage, url, result.status() < 400 ? "ok" : "http_" + result.status());
        String method = context.string("method").orElse("GET");

        if (flag(context, "failOnErrorStatus") && result.status() >= 400) {
            throw new NodeException("http_error", "%s %s answered %d %s; check the URL, the request and the "
                    + "credentials' permissions, or set failOnErrorStatus to false to handle it in the pattern",
                    method, result.displayUrl(), result.status(), reason(result.status()));
        }
        List<Secret> secrets = new ArrayList<>(prepared.secrets());
        ResponseBodies.Decoded answer = ResponseBodies.read(result.body(), result.contentType());
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("status", result.status());
        outputs.put("headers", joinHeaders(result.headers()));
        outputs.put("body", answer.value());
        outputs.put("ok", result.isSuccess());
        outputs.put("durationMs", durationMs);
        // Credentials read from the response become secrets first, so the scrub below masks them anywhere else too.
        outputs = SecretPaths.of(context.properties().get("secretPaths")).protect(outputs, answer.json(),
                method + " " + result.displayUrl(), fetched -> {
                    context.registerSecret(fetched);
                    secrets.add(fetched);
                });
        Scrubber scrubber = new Scrubber(secrets);
        outputs.replaceAll((name, value) -> scrubber.scrub(value));
        return outputs;
    }

    /** A request ready to send, and every secret in it (to scrub from the answer). */
    private record Prepared(OutgoingRequest request, List<Secret> secrets) {
    }

    private static Prepared prepare(NodeContext context, CredentialBinding binding, URI url) {
        Map<?, ?> headerInput = map(context, "headers");
        List<OutgoingRequest.Field> headers = fields(headerInput, "headers", true);
        List<OutgoingRequest.Field> query = fields(map(context, "query"), "query", false);
        Object body = context.inputs().get("body");
        List<Secret> secrets = new ArrayList<>(binding.secrets());
        secrets.addAll(SecretsIn.of(headerInput));
        secrets.addAll(SecretsIn.of(map(context, "query")));
        secrets.addAll(SecretsIn.of(body));
        OutgoingRequest request = new OutgoingRequest(context.string("method").orElse("GET"), url, headers, query,
                RequestBodies.encode(context.string("bodyType").orElse("json"), body, contentType(headerInput)),
                binding.credentials(), limits(context));
        return new Prepared(request, secrets);
    }

    /** The connection named by the node, decrypted for this use; null when it names none. */
    private static ResolvedConnection connection(NodeContext context, NodeServices runtime, UsageContext usage) {
        var connection = context.string("connection").filter(s -> !s.isBlank());
        if (connection.isEmpty()) {
            return null;
        }
        if (context.string("provider").filter(s -> !s.isBlank()).isPresent() || context.inputs().get("credentials") != null) {
            throw new NodeException("ambiguous_credentials", "both a connection and provider/credentials inputs are "
                    + "set; use one or the other");
        }
        return runtime.resolver().resolve(connection.get(), context.execution().principal(),
                context.execution().environment(), usage);
    }

    /** Credentials from the provider and credentials inputs, or none. */
    private static CredentialBinding external(NodeContext context, NodeServices runtime) {
        var provider = context.string("provider").filter(s -> !s.isBlank());
        Object credentials = context.inputs().get("credentials");
        if (provider.isPresent() != (credentials != null)) {
            throw new NodeException("incomplete_credentials", "external credentials need both the 'provider' and the "
                    + "'credentials' inputs");
        }
        if (provider.isEmpty()) {
            return CredentialBinding.NONE;
        }
        if (!(credentials instanceof Map<?, ?> values)) {
            throw new NodeException("invalid_credentials", "the 'credentials' input must be an object of fields");
        }
        return CredentialBinding.external(provider.get(), context.string("authType").orElse(null), values, runtime);
    }

    /** One usage-trail entry per decrypt: where the credentials went (when known) and how it ended. */
    private static void recordUse(NodeServices runtime, ResolvedConnection connection, UsageContext usage, URI url,
                                  String outcome) {
        if (connection != null) {
            runtime.resolver().recordUse(connection, usage, url == null ? null : hostOf(url), outcome);
        }
    }

    private static String hostOf(URI url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    private static OutgoingRequest.Limits limits(NodeContext context) {
        Duration remaining = context.remaining();
        if (context.isCancelled() || remaining.isZero() || remaining.isNegative()) {
            throw new NodeException("timeout", "the execution was cancelled or its deadline passed before the "
                    + "request could start; give the pattern more time");
        }
        Duration timeout = Duration.ofMillis(number(context, "timeoutMs", 30_000));
        return new OutgoingRequest.Limits(timeout.compareTo(remaining) < 0 ? timeout : remaining,
                number(context, "maxResponseBytes", 10L * 1024 * 1024), flag(context, "followRedirects"), MAX_REDIRECTS);
    }

    private static long number(NodeContext context, String name, long fallback) {
        return context.value(name).map(v -> ((Number) v).longValue()).orElse(fallback);
    }

    private static boolean flag(NodeContext context, String name) {
        return context.value(name).map(Boolean.TRUE::equals).orElse(true);
    }

    private static Map<?, ?> map(NodeContext context, String name) {
        Object value = context.inputs().get(name);
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    /** The body's media type, if the pattern set one; it is then sent once, with the body. */
    private static String contentType(Map<?, ?> headers) {
        for (Map.Entry<?, ?> header : headers.entrySet()) {
            if ("content-type".equalsIgnoreCase(String.valueOf(header.getKey())) && header.getValue() instanceof String s) {
                return s;
            }
        }
        return null;
    }

    private static List<OutgoingRequest.Field> fields(Map<?, ?> values, String input, boolean areHeaders) {
        List<OutgoingRequest.Field> fields = new ArrayList<>();
        values.forEach((name, value) -> {
            String key = String.valueOf(name);
            if (value == null || areHeaders && "content-type".equalsIgnoreCase(key)) {
                return;
            }
            if (value instanceof Map || value instanceof List) {
                throw new NodeException("invalid_" + input, "%s '%s' must be text, a number, a boolean or a secret",
                        input, key);
            }
            Object text = value instanceof Secret ? value : String.valueOf(value);
            if (areHeaders && !isSafeHeader(key, text)) {
                throw new NodeException("invalid_headers", "header '%s' has an invalid name or a line break in its "
                        + "value; header names are HTTP tokens and values are one line", key);
            }
            fields.add(new OutgoingRequest.Field(key, text));
        });
        return fields;
    }

    /** A line break in a header would let a value forge further headers. */
    private static boolean isSafeHeader(String name, Object value) {
        String text = value instanceof Secret secret ? secret.reveal() : (String) value;
        return HEADER_NAME.matcher(name).matches() && text.indexOf('\r') < 0 && text.indexOf('\n') < 0;
    }

    private static Map<String, Object> joinHeaders(Map<String, List<String>> headers) {
        Map<String, Object> joined = new LinkedHashMap<>();
        headers.forEach((name, values) -> joined.put(name, String.join(", ", values)));
        return joined;
    }

    private static String reason(int status) {
        String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        return reason == null ? "" : reason;
    }
}
