package com.arasul.healing.facts;

import com.arasul.healing.ActionType;

/**
 * What came of an action that ran.
 *
 * @param type the action
 * @param service the service it was for, {@code null} for the host
 * @param success whether it worked
 * @param detail what happened, for the owner
 */
public record ActionResult(ActionType type, String service, boolean success, String detail) {
}
