package com.arasul.healing.facts;

/**
 * Something critical happened; three of them in 30 minutes lead to category D. The rules insert
 * one whenever a category C recovery begins; other capabilities may insert their own.
 *
 * @param source who reports it, e.g. {@code category_c}
 * @param detail what happened
 */
public record CriticalEvent(String source, String detail) {
}
