package com.arasul.healing;

/** {@code ARASUL_HEALING_MODE}: whether the engine acts on what its rules ask for. */
public enum HealingMode {
    /** Run the actions the safety floor allows. */
    ACT,
    /** Decide and record every decision with its reason, run nothing: for trying new rules. */
    OBSERVE,
    /** Decide nothing. */
    OFF
}
