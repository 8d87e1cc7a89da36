/**
 * The facts the healing rules reason about, fed in from containers, telemetry and the action
 * adapters. Their event roles and lifetimes are declared in {@code rules/healing/events.drl}.
 */
@org.springframework.modulith.NamedInterface("facts")
package com.arasul.healing.facts;
