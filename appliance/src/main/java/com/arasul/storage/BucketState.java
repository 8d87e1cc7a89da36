package com.arasul.storage;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One bucket as the storage reports it.
 *
 * @param objects objects in it (at most the counting limit, then {@code objectsCapped})
 * @param versioning {@code enabled}, {@code suspended}, {@code off} or a sentence why it is unknown
 * @param lifecycle the expiry it has, e.g. "expire after 7 days", "kept", or why it is unknown
 * @param policy {@code private}, or the kind of access someone gave it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BucketState(String name, boolean exists, Long objects, Long bytes, Boolean objectsCapped,
        String versioning, String lifecycle, String policy) {
}
