package com.arasul.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;

/** The project's promises about its changelogs, checked on the files as shipped. */
class ChangelogConventionTests {

    private static final Path LIQUIBASE = Path.of("..", "liquibase");

    @Test
    void everyChangesetHasARollback() throws Exception {
        List<ChangeSet> changeSets = changeSets();
        assertThat(changeSets).isNotEmpty();
        assertThat(changeSets)
                .filteredOn(cs -> cs.getRollback().getChanges().isEmpty())
                .extracting(ChangeSet::toString)
                .as("changesets without a rollback")
                .isEmpty();
    }

    @Test
    void ownTablesUseTimestampWithTimeZone() throws Exception {
        try (Stream<Path> files = Files.walk(LIQUIBASE.resolve("changes"))) {
            List<String> offending = files.filter(f -> f.toString().endsWith(".sql"))
                    // the INT_* tables keep Spring Integration's own column types
                    .filter(f -> !f.getFileName().toString().contains("spring-integration"))
                    .flatMap(ChangelogConventionTests::lines)
                    .filter(line -> line.matches("(?i).*\\bTIMESTAMP\\b(?!TZ).*") && !line.trim().startsWith("--"))
                    .toList();
            assertThat(offending).as("columns declared TIMESTAMP instead of TIMESTAMPTZ").isEmpty();
        }
    }

    private static List<ChangeSet> changeSets() throws Exception {
        var accessor = new DirectoryResourceAccessor(LIQUIBASE.toFile());
        var parser = ChangeLogParserFactory.getInstance().getParser("db.changelog-master.yaml", accessor);
        DatabaseChangeLog changeLog = parser.parse("db.changelog-master.yaml",
                new liquibase.changelog.ChangeLogParameters(new PostgresDatabase()), accessor);
        return changeLog.getChangeSets();
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
