package com.arasul.security.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A map that forgets its least recently used entry when full, for state kept per client or per
 * token: a flood of new clients or tokens costs memory up to the bound, never more.
 */
final class BoundedMap<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> entries;

    BoundedMap(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > BoundedMap.this.capacity;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized V computeIfAbsent(K key, Function<K, V> create) {
        return entries.computeIfAbsent(key, create);
    }

    synchronized V remove(K key) {
        return entries.remove(key);
    }

    synchronized int size() {
        return entries.size();
    }

    int capacity() {
        return capacity;
    }
}
