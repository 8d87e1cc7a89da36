package com.arasul.workflows.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * n8n as the dashboard shows it.
 *
 * @param configured whether the appliance knows where n8n is
 * @param up whether n8n answered at the last look
 * @param healthy whether everything answered as it should (up, key accepted, activity recorded)
 * @param problem what was wrong at the last look, null when nothing was
 * @param checkedAt when it was last looked at, null before the first look
 * @param editorUrl where the owner opens n8n
 */
record EngineState(boolean configured, boolean up, boolean healthy, String problem,
        @JsonProperty("checked_at") Instant checkedAt, @JsonProperty("editor_url") String editorUrl) {

    static EngineState notYetChecked(WorkflowsProperties properties) {
        return properties.configured()
                ? new EngineState(true, false, false, "not looked at yet", null, properties.editorUrl())
                : new EngineState(false, false, false, "n8n is not configured (ARASUL_N8N_URL)", null,
                        properties.editorUrl());
    }
}
