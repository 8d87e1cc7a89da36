package com.arasul.ai.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settings of the AI services the owner changes at run time, in {@code ai_settings}. */
@Repository
class AiSettings {

    static final String DEFAULT_MODEL = "llm.default-model";

    private final JdbcClient jdbc;

    AiSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> get(String name) {
        return jdbc.sql("SELECT value FROM ai_settings WHERE name = ?").param(name).query(String.class).optional();
    }

    void put(String name, String value) {
        jdbc.sql("""
                INSERT INTO ai_settings (name, value, updated_at) VALUES (?, ?, now())
                ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = now()""")
                .params(name, value).update();
    }
}
