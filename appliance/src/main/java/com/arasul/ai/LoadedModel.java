package com.arasul.ai;

import java.time.Instant;

/**
 * A model held in memory by the service.
 *
 * @param size bytes it takes in memory, system and GPU together
 * @param sizeVram the part of {@code size} in GPU memory
 * @param expiresAt when the service unloads it unless it is used again; null if not told
 */
public record LoadedModel(String name, long size, long sizeVram, Instant expiresAt) {
}
