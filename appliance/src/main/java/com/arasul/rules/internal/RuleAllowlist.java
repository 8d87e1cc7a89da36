package com.arasul.rules.internal;

import java.util.Map;
import java.util.Set;

/**
 * What a rule may name: the published fact and action types, a few value types of the JDK, and the
 * exact calls on the rule context that only read. Everything else is refused by {@link DrlValidator}.
 * Kept as names, so that this module does not depend on the capabilities whose facts it lists.
 */
final class RuleAllowlist {

    /** Fact and action types: imports, patterns, {@code new}, static factories and constants. */
    static final Set<String> FACT_TYPES = Set.of(
            "com.arasul.healing.ActionRequest",
            "com.arasul.healing.ActionType",
            "com.arasul.healing.Category",
            "com.arasul.healing.HealingThresholds",
            "com.arasul.healing.facts.ActionResult",
            "com.arasul.healing.facts.ContainerEvent",
            "com.arasul.healing.facts.ContainerState",
            "com.arasul.healing.facts.CriticalEvent",
            "com.arasul.healing.facts.DockerStatus",
            "com.arasul.healing.facts.HostMetrics",
            "com.arasul.healing.facts.Maintenance",
            "com.arasul.healing.facts.SystemCondition",
            "com.arasul.healing.facts.WorkflowEngineHealth",
            "com.arasul.updates.facts.BoxState",
            "com.arasul.updates.facts.Refusal",
            "com.arasul.updates.facts.UpdateManifest");

    /**
     * Value types that compute and never act, with the static methods a rule may call on them (an
     * empty set: none). {@code java.lang} types need no import in DRL; the {@code java.time} ones
     * are named in full or imported.
     */
    static final Map<String, Set<String>> VALUE_TYPES = Map.ofEntries(
            Map.entry("java.lang.String", Set.of("valueOf", "format", "join")),
            Map.entry("java.lang.StringBuilder", Set.of()),
            Map.entry("java.lang.Object", Set.of()),
            Map.entry("java.lang.Number", Set.of()),
            Map.entry("java.lang.Integer", Set.of("valueOf", "parseInt", "compare", "max", "min", "sum", "toString")),
            Map.entry("java.lang.Long", Set.of("valueOf", "parseLong", "compare", "max", "min", "sum", "toString")),
            Map.entry("java.lang.Double", Set.of("valueOf", "parseDouble", "compare", "max", "min", "sum", "toString", "isNaN")),
            Map.entry("java.lang.Boolean", Set.of("valueOf", "parseBoolean", "toString")),
            Map.entry("java.lang.Math", Set.of("abs", "ceil", "floor", "round", "max", "min", "pow", "sqrt", "log", "log10",
                    "exp", "signum", "floorDiv", "floorMod", "clamp")),
            Map.entry("java.time.Instant", Set.of("ofEpochMilli", "ofEpochSecond", "parse")),
            Map.entry("java.time.Duration", Set.of("ofMillis", "ofSeconds", "ofMinutes", "ofHours", "ofDays", "between", "parse")),
            Map.entry("java.time.ZoneId", Set.of("of", "systemDefault")),
            Map.entry("java.time.ZoneOffset", Set.of("of", "ofHours")),
            Map.entry("java.time.LocalTime", Set.of("of", "parse")),
            Map.entry("java.time.DayOfWeek", Set.of("of", "valueOf")));

    /** Calls on the rule context, each allowed only as the whole chain written here. */
    static final Set<String> CONTEXT_CHAINS = Set.of(
            "drools.getRule().getName()",
            "kcontext.getRule().getName()",
            "drools.getKieRuntime().getSessionClock().getCurrentTime()",
            "kcontext.getKieRuntime().getSessionClock().getCurrentTime()");

    /** What a consequence may call without a receiver: the working-memory operations. */
    static final Set<String> CONSEQUENCE_CALLS = Set.of("insert", "insertLogical", "modify", "update", "delete", "retract");

    /** Accumulate functions in use; custom accumulate code ({@code init/action/result}) is refused. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "average", "min", "max", "collectList",
            "collectSet");

    /**
     * Methods no rule may call on any value: they reach classes, class loaders, threads, processes,
     * or the engine itself. The allowlist of types already keeps most of these out of reach; this
     * closes the ways round it (e.g. an enum constant's {@code getDeclaringClass()}).
     */
    static final Set<String> FORBIDDEN_METHODS = Set.of("getClass", "getDeclaringClass", "getEnclosingClass",
            "getClassLoader", "getContextClassLoader", "forName", "newInstance", "invoke", "exec", "exit", "halt",
            "getRuntime", "start", "run", "join", "interrupt", "wait", "notify", "notifyAll", "load", "loadLibrary",
            "getModule", "getProtectionDomain", "setAccessible", "getKieRuntime", "getKieBase", "getWorkingMemory",
            "getEntryPoint", "getChannels", "getGlobals", "getGlobal", "setGlobal", "fireAllRules", "dispose",
            "getRecordComponents", "describeConstable", "getComponentType");

    /** Prefixes of method names that reflect. */
    static final Set<String> FORBIDDEN_METHOD_PREFIXES = Set.of("getDeclared", "getMethod", "getField", "getConstructor",
            "getResource", "getAnnotation", "getPermitted", "getNest");

    /** Roots of package names: a dotted name starting with one names a class and must be allowed. */
    static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io", "jakarta",
            "kotlin", "groovy", "mvel", "lombok");

    /** Annotations a {@code declare} may carry. */
    static final Set<String> ANNOTATIONS = Set.of("role", "timestamp", "expires", "duration", "key", "position",
            "propertyReactive", "classReactive");

    /** Rule attributes: those that hold an expression (salience, enabled) are checked as one. */
    static final Set<String> ATTRIBUTES = Set.of("salience", "enabled", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "auto-focus", "ruleflow-group", "duration", "timer", "date-effective", "date-expires",
            "dialect");

    /** The globals the engine sets; rules may use none today. */
    static final Set<String> GLOBALS = Set.of();

    private RuleAllowlist() {
    }

    static boolean isMethodForbidden(String name) {
        return FORBIDDEN_METHODS.contains(name) || FORBIDDEN_METHOD_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
