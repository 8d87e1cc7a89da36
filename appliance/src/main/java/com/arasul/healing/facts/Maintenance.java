package com.arasul.healing.facts;

/**
 * An announced maintenance ({@code POST /api/self-healing/maintenance}), kept once. While it is
 * active the appliance decides and records as usual but runs no action, as in observe mode; a rule
 * may respect it too, e.g. {@code not Maintenance( active )}.
 *
 * @param active whether it is under way
 * @param reason what the owner said it is for; {@code null} when none is under way
 * @param until when it ends by itself, epoch milliseconds; 0 when none is under way
 */
public record Maintenance(boolean active, String reason, long until) {

    public static Maintenance none() {
        return new Maintenance(false, null, 0);
    }
}
