package dev.keyway.engine.validate;

import dev.keyway.engine.json.JsonPointers;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/** Typed access to the members of one source object, reporting missing and mistyped members. */
final class Fields {

    static final long MAX_TIMEOUT_MS = Duration.ofDays(1).toMillis();

    private final SourceValue.Obj obj;
    private final String pointer;
    private final String owner;
    private final ProblemList problems;

    /** {@code owner} names the object in messages, e.g. "The pattern" or "Node 'call'". */
    Fields(SourceValue.Obj obj, String pointer, String owner, ProblemList problems) {
        this.obj = obj;
        this.pointer = pointer;
        this.owner = owner;
        this.problems = problems;
    }

    String pointer(String name) {
        return JsonPointers.append(pointer, name);
    }

    Optional<SourceValue> get(String name) {
        return Optional.ofNullable(obj.members().get(name)).map(SourceValue.Member::value);
    }

    Optional<String> string(String name, boolean required) {
        Optional<SourceValue> value = present(name, required, "a string");
        if (value.isPresent() && !(value.get() instanceof SourceValue.Scalar s && s.value() instanceof String)) {
            mistyped(name, "a string", value.get());
            return Optional.empty();
        }
        return value.map(v -> (String) ((SourceValue.Scalar) v).value());
    }

    Optional<SourceValue.Obj> object(String name, boolean required) {
        return typed(name, required, "an object", SourceValue.Obj.class);
    }

    Optional<SourceValue.Arr> array(String name, boolean required) {
        return typed(name, required, "an array", SourceValue.Arr.class);
    }

    private <T extends SourceValue> Optional<T> typed(String name, boolean required, String kind, Class<T> type) {
        Optional<SourceValue> value = present(name, required, kind);
        if (value.isPresent() && !type.isInstance(value.get())) {
            mistyped(name, kind, value.get());
            return Optional.empty();
        }
        return value.map(type::cast);
    }

    /** An optional {@code timeoutMs}-style member: whole milliseconds within a day. */
    Optional<Duration> millis(String name) {
        Optional<SourceValue> value = get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof SourceValue.Scalar s && (s.value() instanceof Integer || s.value() instanceof Long
                || s.value() instanceof BigInteger)) {
            long ms = ((Number) s.value()).longValue();
            if (ms >= 1 && ms <= MAX_TIMEOUT_MS && !(s.value() instanceof BigInteger)) {
                return Optional.of(Duration.ofMillis(ms));
            }
        }
        problems.add(pointer(name), owner + ": \"" + name + "\" must be a whole number of milliseconds between 1 and "
                + MAX_TIMEOUT_MS + ".");
        return Optional.empty();
    }

    /** Reports members not in {@code allowed}, suggesting the closest allowed name. */
    void rejectUnknown(Collection<String> allowed) {
        for (String name : obj.members().keySet()) {
            if (!allowed.contains(name)) {
                problems.add(pointer(name), owner + " has an unknown field \"" + name + "\"."
                        + Suggestions.didYouMean(name, allowed) + " Allowed fields: " + String.join(", ", allowed) + ".");
            }
        }
    }

    private Optional<SourceValue> present(String name, boolean required, String kind) {
        Optional<SourceValue> value = get(name);
        if (value.isEmpty() && required) {
            problems.add(pointer, owner + " needs \"" + name + "\" (" + kind + "); add it.");
        }
        return value;
    }

    private void mistyped(String name, String kind, SourceValue actual) {
        problems.add(pointer(name), owner + ": \"" + name + "\" must be " + kind + ", not " + SourceValue.kind(actual) + ".");
    }
}
