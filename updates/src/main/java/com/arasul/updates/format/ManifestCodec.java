package com.arasul.updates.format;

import static com.arasul.updates.format.RefusalReason.MANIFEST_INVALID;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code manifest.json}. Reading happens in two steps because the key id must be
 * known to check the signature, and nothing else of an unsigned manifest should be trusted:
 * {@link #readTree} then {@link #keyId} before the signature check, {@link #toManifest} after it.
 */
public final class ManifestCodec {

    static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    // Duplicate keys are refused so that no two readers can see different manifests in the same bytes.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ManifestCodec() {
    }

    public static JsonNode readTree(byte[] json) throws PackageRefusedException {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || !tree.isObject()) throw invalid("manifest.json is not a JSON object");
            return tree;
        } catch (JacksonException e) {
            throw invalid("manifest.json is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static String keyId(JsonNode tree) throws PackageRefusedException {
        String keyId = requiredString(tree, "key_id");
        if (!HEX_SHA256.matcher(keyId).matches()) {
            throw invalid("key_id must be 64 lower-case hex digits (the SHA-256 of the public key)");
        }
        return keyId;
    }

    /** The whole manifest, checked against the format's rules (see {@link ManifestRules}). */
    public static Manifest toManifest(JsonNode tree) throws PackageRefusedException {
        JsonNode format = tree.get("format");
        if (format == null || !format.isIntegralNumber()) throw invalid("format is missing or not a number");
        if (!format.canConvertToInt() || format.asInt() != Manifest.FORMAT) {
            throw new PackageRefusedException(RefusalReason.UNSUPPORTED_FORMAT,
                    "The package has format " + format.asString() + "; this appliance reads format " + Manifest.FORMAT + ".");
        }
        JsonNode reboot = tree.get("requires_reboot");
        if (reboot == null || !reboot.isBoolean()) throw invalid("requires_reboot is missing or not true/false");
        Manifest manifest = new Manifest(Manifest.FORMAT,
                version(tree, "version"), version(tree, "min_version"), instant(tree, "created_at"),
                keyId(tree), reboot.asBoolean(), requiredString(tree, "release_notes"),
                components(requiredArray(tree, "components")), files(requiredArray(tree, "files")));
        ManifestRules.check(manifest);
        return manifest;
    }

    private static List<Component> components(ArrayNode array) throws PackageRefusedException {
        List<Component> components = new ArrayList<>();
        for (JsonNode node : array) {
            if (!node.isObject()) throw invalid("every component must be an object");
            String type = requiredString(node, "type");
            components.add(switch (type) {
                case Component.Image.TYPE -> new Component.Image(requiredString(node, "service"), requiredString(node, "file"));
                case Component.Migrations.TYPE -> new Component.Migrations(requiredString(node, "dir"));
                case Component.Rules.TYPE -> new Component.Rules(requiredString(node, "dir"));
                default -> throw new PackageRefusedException(RefusalReason.UNKNOWN_COMPONENT_TYPE,
                        "The package contains a component of unknown type \"" + type + "\".");
            });
        }
        return components;
    }

    private static List<PayloadFile> files(ArrayNode array) throws PackageRefusedException {
        List<PayloadFile> files = new ArrayList<>();
        for (JsonNode node : array) {
            if (!node.isObject()) throw invalid("every entry of files must be an object");
            JsonNode size = node.get("size");
            if (size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
                throw invalid("every file needs a size in bytes");
            }
            String sha = requiredString(node, "sha256");
            if (!HEX_SHA256.matcher(sha).matches()) throw invalid("sha256 must be 64 lower-case hex digits");
            files.add(new PayloadFile(requiredString(node, "path"), size.asLong(), sha));
        }
        return files;
    }

    public static byte[] write(Manifest m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", m.format());
        root.put("version", m.version().toString());
        root.put("min_version", m.minVersion().toString());
        root.put("created_at", m.createdAt().toString());
        root.put("key_id", m.keyId());
        root.put("requires_reboot", m.requiresReboot());
        root.put("release_notes", m.releaseNotes());
        ArrayNode components = root.putArray("components");
        for (Component c : m.components()) {
            ObjectNode node = components.addObject().put("type", c.type());
            switch (c) {
                case Component.Image i -> node.put("service", i.service()).put("file", i.file());
                case Component.Migrations mi -> node.put("dir", mi.dir());
                case Component.Rules r -> node.put("dir", r.dir());
            }
        }
        ArrayNode files = root.putArray("files");
        for (PayloadFile f : m.files()) {
            files.addObject().put("path", f.path()).put("size", f.size()).put("sha256", f.sha256());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static SemanticVersion version(JsonNode tree, String field) throws PackageRefusedException {
        try {
            return SemanticVersion.parse(requiredString(tree, field));
        } catch (IllegalArgumentException e) {
            throw invalid(field + " is " + e.getMessage());
        }
    }

    private static Instant instant(JsonNode tree, String field) throws PackageRefusedException {
        try {
            return Instant.parse(requiredString(tree, field));
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static String requiredString(JsonNode node, String field) throws PackageRefusedException {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) throw invalid(field + " is missing or not a string");
        return value.stringValue();
    }

    private static ArrayNode requiredArray(JsonNode node, String field) throws PackageRefusedException {
        if (!(node.get(field) instanceof ArrayNode array)) throw invalid(field + " is missing or not a list");
        return array;
    }

    static PackageRefusedException invalid(String problem) {
        return new PackageRefusedException(MANIFEST_INVALID, "The package's manifest is invalid: " + problem + ".");
    }
}
