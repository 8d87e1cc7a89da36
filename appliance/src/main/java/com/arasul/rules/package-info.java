/**
 * Rule management: compiles folders of {@code .drl} files at runtime, keeps the last good rule base
 * of each rule set, feeds rule sessions from one thread, and lets integrators read and change rules.
 */
package com.arasul.rules;
