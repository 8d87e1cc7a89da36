package com.arasul.system;

import java.time.Instant;
import java.util.List;

/**
 * A capability's own say in the system status: beans of this type are asked at each status request
 * and their reasons are added to the box's, each with its level.
 */
public interface StatusContributor {

    List<Reason> reasons(Instant now);

    /** One sentence for the owner, saying what is wrong and what to do. */
    record Reason(SystemStatus.Level level, String sentence) {
    }
}
