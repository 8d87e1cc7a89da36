/**
 * Self-healing: feeds container events, metrics and action results into the healing rules and puts
 * every action they request through a safety floor in Java that rules cannot override.
 */
package com.arasul.healing;
