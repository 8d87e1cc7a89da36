package com.arasul.updates;

import com.arasul.updates.format.SemanticVersion;
import java.util.UUID;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The platform version installed on the box, kept in the database. Until the first update is
 * committed it is the application's own version.
 */
@Component
public class InstalledVersion {

    private final JdbcTemplate jdbc;
    private final String applicationVersion;

    InstalledVersion(JdbcTemplate jdbc, ObjectProvider<BuildProperties> build) {
        this.jdbc = jdbc;
        BuildProperties properties = build.getIfAvailable();
        this.applicationVersion = properties != null && properties.getVersion() != null ? properties.getVersion() : "0.0.0";
    }

    public SemanticVersion current() {
        var versions = jdbc.queryForList("select version from installed_version where id = 1", String.class);
        return SemanticVersion.parse(versions.isEmpty() ? applicationVersion : versions.getFirst());
    }

    /** Records a committed update's version. */
    public void record(SemanticVersion version, UUID packageId) {
        jdbc.update("""
                insert into installed_version (id, version, package_id, installed_at) values (1, ?, ?, now())
                on conflict (id) do update set version = excluded.version, package_id = excluded.package_id,
                  installed_at = excluded.installed_at""", version.toString(), packageId);
    }
}
