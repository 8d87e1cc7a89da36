/**
 * The .araupdate package format: its manifest, the trusted signing keys, a one-pass streaming
 * verifier that stages payload files only after the signature holds, and a writer that builds
 * packages. Described for integrators in {@code updates/FORMAT.md}.
 */
package com.arasul.updates.format;
