package com.arasul.healing;

import com.arasul.platform.ActionOutcome;
import java.util.Optional;

/**
 * A restart the owner asks for. It runs at once (the owner decides, not the safety floor), is
 * recorded like any action, and the rules hear of it, so the container's death is not taken for a crash.
 */
public interface ServiceRestarts {

    /** Empty when no managed container carries that service name. */
    Optional<ActionOutcome> restart(String service);
}
