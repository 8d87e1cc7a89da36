/**
 * The facts the update rules ({@code rules/updates/*.drl}) reason about: the package's manifest,
 * the box's state, and the refusals the rules insert.
 */
package com.arasul.updates.facts;
