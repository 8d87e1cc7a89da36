package com.arasul.updates.format;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A small valid package (one image, migrations, rules) whose parts tests can replace to make it malicious. */
final class PackageFixture {

    static final KeyPair KEY = Ed25519Keys.generate();
    static final KeyPair OTHER_KEY = Ed25519Keys.generate();

    final Map<String, byte[]> payload = new LinkedHashMap<>();
    Manifest manifest;

    PackageFixture() {
        payload.put("images/vision.tar", repeat("docker save output ", 4000));
        payload.put("migrations/changelog.sql", "--liquibase formatted sql\n".getBytes(StandardCharsets.UTF_8));
        payload.put("rules/healing.drl", "package rules.healing;\n".getBytes(StandardCharsets.UTF_8));
        manifest = manifestFor(payload, KEY);
    }

    static Manifest manifestFor(Map<String, byte[]> payload, KeyPair key) {
        List<PayloadFile> files = new ArrayList<>();
        payload.forEach((path, bytes) -> files.add(new PayloadFile(path, bytes.length, PayloadCopier.sha256Hex(bytes))));
        return new Manifest(1, SemanticVersion.parse("1.2.0"), SemanticVersion.parse("1.0.0"),
                Instant.parse("2026-01-31T12:00:00Z"), Ed25519Keys.keyId(key.getPublic()), false, "Better vision model",
                List.of(new Component.Image("vision", "images/vision.tar"), new Component.Migrations("migrations"),
                        new Component.Rules("rules")),
                files);
    }

    PackageFixture manifest(UnaryOperator<Manifest> change) {
        manifest = change.apply(manifest);
        return this;
    }

    byte[] manifestJson() {
        return ManifestCodec.write(manifest);
    }

    byte[] signature() {
        return Ed25519Keys.sign(KEY.getPrivate(), manifestJson());
    }

    /** manifest.json and manifest.sig, ready for payload entries. */
    TarBuilder header() {
        byte[] json = manifestJson();
        return new TarBuilder().file("manifest.json", json).file("manifest.sig", Ed25519Keys.sign(KEY.getPrivate(), json));
    }

    TarBuilder headerAndPayload() {
        TarBuilder tar = header();
        payload.forEach((path, bytes) -> tar.file("payload/" + path, bytes));
        return tar;
    }

    byte[] validPackage() {
        return headerAndPayload().bytes();
    }

    static byte[] repeat(String text, int times) {
        return text.repeat(times).getBytes(StandardCharsets.UTF_8);
    }
}
