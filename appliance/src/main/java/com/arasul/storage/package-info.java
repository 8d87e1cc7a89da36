/**
 * Object storage (MinIO through its Java client): the six buckets kept as the box needs them
 * (private, versioned where owners' data lives, expiring caches), the storage's health for the
 * healing rules and the dashboard, and a small published {@link com.arasul.storage.ObjectStorage}
 * other capabilities put and read objects through. Without an endpoint it is "not configured".
 */
package com.arasul.storage;
