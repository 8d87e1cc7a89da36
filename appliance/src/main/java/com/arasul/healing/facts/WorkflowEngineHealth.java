package com.arasul.healing.facts;

import org.kie.api.definition.type.Expires;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;

/**
 * One probe of the workflow engine (n8n): its {@code /healthz} and its public API. Sent by the
 * workflows capability at each of its polls while n8n is configured; a probe while the engine
 * answers only with a refused API key counts as up, since restarting n8n would not mend a key.
 *
 * @param at when it was probed, epoch milliseconds
 * @param up whether n8n answered
 * @param failuresInARow probes in a row that found it not answering, this one included; 0 when up
 * @param detail what the probe saw, in words
 */
@Role(Role.Type.EVENT)
@Timestamp("at")
@Expires("10m")
public record WorkflowEngineHealth(long at, boolean up, int failuresInARow, String detail) {
}
