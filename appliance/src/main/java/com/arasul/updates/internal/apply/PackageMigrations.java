package com.arasul.updates.internal.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Runs a package's Liquibase changelog against the appliance's database, and rolls it back.
 * Package changesets are kept in a changelog table of their own ({@code update_databasechangelog}),
 * apart from the appliance's own: a rollback to the tag set before the update then undoes exactly
 * the package's changesets, and the appliance's own changelog never meets changesets it does not know.
 */
final class PackageMigrations {

    static final String CHANGELOG_TABLE = "update_databasechangelog";
    static final String LOCK_TABLE = "update_databasechangeloglock";
    private static final List<String> MASTERS = List.of("changelog.xml", "changelog.yaml", "changelog.yml",
            "changelog.json", "changelog.sql");

    private final DataSource dataSource;

    PackageMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The changelog of a migrations folder: {@code changelog.(xml|yaml|yml|json|sql)} at its top, or
     * its only file.
     */
    static Optional<String> masterOf(Path folder) {
        for (String name : MASTERS) {
            if (Files.isRegularFile(folder.resolve(name))) {
                return Optional.of(name);
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            return all.size() == 1 ? Optional.of(folder.relativize(all.getFirst()).toString()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Marks the database's state before the update; repeating it with the same tag is harmless. */
    void tag(Path folder, String changelog, String tag) {
        run(folder, changelog, liquibase -> {
            if (!liquibase.tagExists(tag)) {
                liquibase.tag(tag);
            }
        });
    }

    /** Applies the changesets not yet run; repeating it runs nothing twice. */
    void update(Path folder, String changelog) {
        run(folder, changelog, liquibase -> liquibase.update(new Contexts(), new LabelExpression()));
    }

    /** Undoes every package changeset run after {@code tag}; after that, repeating it does nothing. */
    void rollback(Path folder, String changelog, String tag) {
        run(folder, changelog, liquibase -> liquibase.rollback(tag, new Contexts(), new LabelExpression()));
    }

    private interface Work {
        void on(Liquibase liquibase) throws LiquibaseException;
    }

    private void run(Path folder, String changelog, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName(CHANGELOG_TABLE);
            database.setDatabaseChangeLogLockTableName(LOCK_TABLE);
            try (var accessor = new DirectoryResourceAccessor(folder)) {
                work.on(new Liquibase(changelog, accessor, database));
            }
        } catch (LiquibaseException | SQLException e) {
            throw new IllegalStateException(rootMessage(e), e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
