package com.arasul.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.rules.RuleMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a rule may not contain: each refused construct is a named case, the exploits of issue 7 among
 * them, and each is refused with the file, a line in it and a sentence. The shipped and documented
 * rules all pass.
 */
class DrlValidatorTests {

    private static final Path RULES = Path.of("..", "rules");
    private static final String FILE = "healing/site.drl";
    private static final String HEADER = """
            package healing;

            import com.arasul.healing.ActionRequest;
            import com.arasul.healing.ActionType;
            import com.arasul.healing.Category;
            import com.arasul.healing.facts.HostMetrics;
            import com.arasul.healing.facts.CriticalEvent;
            """;

    private final DrlValidator validator = new DrlValidator();

    /** A rule whose consequence is {@code then}; it starts at line 14 of the file. */
    private static String consequence(String then) {
        return HEADER + """

                rule "Site rule"
                when
                    $m : HostMetrics( cpuPercent != null )
                    $f : ServiceFailure()
                then
                """ + then + "\nend\n";
    }

    /** A rule whose conditions are {@code when}. */
    private static String condition(String when) {
        return HEADER + "\nrule \"Site rule\"\nwhen\n" + when + "\nthen\n    insert( new CriticalEvent( \"site\", \"x\" ) );\nend\n";
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                // the exploits of issue 7
                Arguments.of("exec a shell with java.lang.Runtime", consequence(
                        "java.lang.Runtime.getRuntime().exec( new String[] { \"sh\", \"-c\", \"touch /tmp/owned\" } );"),
                        "java.lang.Runtime` is not a type a rule may use"),
                Arguments.of("exec a shell with Runtime (java.lang needs no import)", consequence(
                        "Runtime.getRuntime().exec( \"touch /tmp/owned\" );"), "`Runtime` is not a type"),
                Arguments.of("exec a shell with ProcessBuilder", consequence(
                        "new ProcessBuilder( \"sh\", \"-c\", \"id\" ).start();"), "`ProcessBuilder` is not a type"),
                Arguments.of("read the JWT signing key with java.nio.file.Files", consequence(
                        "insert( new CriticalEvent( \"x\", java.nio.file.Files.readString( java.nio.file.Path.of( \"/var/lib/arasul/config/jwt.key\" ) ) ) );"),
                        "java.nio.file.Files` is not a type"),
                Arguments.of("read /etc/shadow into a fact", consequence(
                        "String s = new String( java.nio.file.Files.readAllBytes( java.nio.file.Paths.get( \"/etc/shadow\" ) ) );"),
                        "java.nio.file.Files` is not a type"),
                Arguments.of("System.exit(0)", consequence("System.exit( 0 );"), "`System` is not a type"),
                Arguments.of("java.lang.System.exit by its full name", consequence("java.lang.System.exit( 0 );"),
                        "`java.lang.System` is not a type"),
                Arguments.of("System.out", consequence("System.out.println( \"x\" );"), "`System` is not a type"),
                Arguments.of("Class.forName", consequence("Class.forName( \"java.lang.Runtime\" );"), "`Class` is not a type"),
                Arguments.of("reflection through getClass()", consequence("$m.getClass().getClassLoader();"),
                        "`getClassLoader(...)` is not allowed"),
                Arguments.of("reflection through an enum's getDeclaringClass()", consequence(
                        "insert( ActionType.NOTIFY.getDeclaringClass().getEnumConstants() );"), "`getDeclaringClass(...)` is not allowed"),
                Arguments.of("a .class literal", consequence("insert( String.class );"), "`.class` literal"),
                Arguments.of("a thread", consequence("new Thread( () -> {} ).start();"), "`Thread` is not a type"),
                Arguments.of("Thread.sleep", consequence("Thread.sleep( 1000 );"), "`Thread` is not a type"),
                Arguments.of("new java.io.File", consequence("new java.io.File( \"/tmp/x\" ).delete();"),
                        "`java.io.File` is not a type"),
                Arguments.of("a while loop", consequence("while ( true ) { }"), "a `while` loop"),
                Arguments.of("a for loop", consequence(
                        "for ( int i = 0; i < 10; i++ ) { insert( new CriticalEvent( \"x\", \"y\" ) ); }"), "a `for` loop"),
                Arguments.of("a for-each loop", consequence("for ( String s : $m.diskMount().split( \"/\" ) ) { }"),
                        "a `for` loop"),
                Arguments.of("a do loop", consequence("do { } while ( true );"), "a `do` loop"),
                Arguments.of("a lambda", consequence("insert( (Runnable) () -> {} );"), "a lambda"),
                Arguments.of("a method reference", consequence("insert( (Runnable) $m::toString );"), "a method reference"),
                Arguments.of("try and catch", consequence(
                        "try { insert( new CriticalEvent( \"a\", \"b\" ) ); } catch ( Exception e ) { }"), "`try`"),
                Arguments.of("throw", consequence("throw new IllegalStateException( \"x\" );"), "`throw`"),
                Arguments.of("synchronized", consequence("synchronized ( $m ) { }"), "`synchronized`"),
                Arguments.of("an anonymous class", consequence(
                        "insert( new Object() { public String toString() { return \"x\"; } } );"), "anonymous or inner class"),
                Arguments.of("a local class", consequence("class Evil { }"), "a class declaration"),
                Arguments.of("any other call in a consequence", consequence("exec( \"touch /tmp/owned\" );"),
                        "`exec(...)` is not allowed in a consequence"),
                Arguments.of("a setter outside modify", consequence("$f.setReason( \"x\" );"), "changes a fact outside `modify`"),
                Arguments.of("a field assigned", consequence("$f.reason = \"x\";"), "only a local variable may be assigned"),
                Arguments.of("the engine through drools.getKieRuntime()", consequence("drools.getKieRuntime().getKieBase();"),
                        "`drools.getKieRuntime().getKieBase()` is not allowed"),
                Arguments.of("halting the engine", consequence("kcontext.getKieRuntime().halt();"), "is not allowed: of the rule context"),
                Arguments.of("drools handed out as a value", consequence("insert( drools );"), "`drools` may only be used as"),
                Arguments.of("escaping the consequence's method", consequence("} static { System.exit( 0 ); } void x() {"),
                        "cannot be read as Java statements"),
                Arguments.of("a Unicode escape that hides System", consequence("\\u0053ystem.exit( 0 );"), "Unicode escape"),
                Arguments.of("switch", consequence("switch ( 1 ) { default: }"), "`switch`"),
                Arguments.of("return", consequence("return;"), "`return`"),
                Arguments.of("a static of a value type that reads the system", consequence(
                        "insert( new CriticalEvent( \"x\", String.valueOf( Integer.getInteger( \"user.home\" ) ) ) );"),
                        "`Integer.getInteger(...)` is not allowed"),
                Arguments.of("a static of another JDK type", consequence(
                        "insert( new CriticalEvent( \"x\", java.util.UUID.randomUUID().toString() ) );"), "`java.util.UUID` is not a type"),
                // the file's own declarations
                Arguments.of("a function", HEADER + "\nfunction void evil() { System.exit( 0 ); }\n", "`function evil` is not allowed"),
                Arguments.of("an import of a JDK class", HEADER.replace("package healing;\n", "package healing;\nimport java.lang.Runtime;\n"),
                        "`import java.lang.Runtime` is not allowed"),
                Arguments.of("a wildcard import", HEADER.replace("package healing;\n", "package healing;\nimport com.arasul.healing.facts.*;\n"),
                        "import each fact type by its full name"),
                Arguments.of("an import function", HEADER.replace("package healing;\n",
                        "package healing;\nimport function java.lang.System.exit;\n"), "`import function` is not allowed"),
                Arguments.of("a global", HEADER + "\nglobal java.util.List sink;\n", "`global java.util.List sink` is not allowed"),
                Arguments.of("the mvel dialect", consequence("insert( new CriticalEvent( \"a\", \"b\" ) );")
                        .replace("when\n", "    dialect \"mvel\"\nwhen\n"), "`dialect mvel` is not allowed"),
                Arguments.of("a declared field of a foreign type", HEADER + "\ndeclare Evil\n    f : java.io.File\nend\n",
                        "`java.io.File` is not a type"),
                Arguments.of("a declared field whose default runs code", HEADER
                        + "\ndeclare Evil\n    f : String = System.getenv( \"HOME\" )\nend\n", "`System` is not a type"),
                Arguments.of("a salience that runs code", consequence("insert( new CriticalEvent( \"a\", \"b\" ) );")
                        .replace("when\n", "    salience ( System.exit( 0 ) )\nwhen\n"), "`System` is not a type"),
                // conditions
                Arguments.of("eval of a call to System", condition("    eval( System.currentTimeMillis() > 0 )"), "`System` is not a type"),
                Arguments.of("a constraint that reads the environment", condition(
                        "    HostMetrics( diskMount == System.getenv( \"HOME\" ) )"), "`System` is not a type"),
                Arguments.of("a constraint that execs a shell", condition(
                        "    HostMetrics( diskMount == java.lang.Runtime.getRuntime().exec( \"id\" ).toString() )"),
                        "`java.lang.Runtime` is not a type"),
                Arguments.of("a constraint with reflection", condition(
                        "    HostMetrics( this.getClass().getName() == \"x\" )"), "`getClass(...)` is not allowed"),
                Arguments.of("a pattern of a foreign type", condition("    Thread( )"), "`Thread` is not a type"),
                Arguments.of("from a file read", condition(
                        "    $l : String() from java.nio.file.Files.readAllLines( java.nio.file.Path.of( \"/etc/shadow\" ) )"),
                        "`java.nio.file.Files` is not a type"),
                Arguments.of("accumulate with custom code", condition("    $t : Number() from accumulate( HostMetrics( $c : cpuPercent ),"
                        + " init( double t = 0; ), action( t += $c; ), result( t ) )"), "with init/action/result code"),
                Arguments.of("an unknown accumulate function", condition(
                        "    accumulate( HostMetrics(); $x : exec( 1 ) )"), "the accumulate function `exec` is not allowed"),
                Arguments.of("a query with a side effect", HEADER
                        + "\nquery \"evil\"\n    HostMetrics( diskMount == System.getenv( \"HOME\" ) )\nend\n", "`System` is not a type"),
                Arguments.of("a lambda in a constraint", condition(
                        "    HostMetrics( ((java.util.function.Supplier) () -> \"x\").get() == diskMount )"), "no viable alternative"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refused")
    void refusesWithFileLineAndSentence(String construct, String drl, String sentence) {
        List<RuleMessage> messages = validator.validate(withShippedHealingRules(drl));

        assertThat(messages).as(construct).isNotEmpty().allSatisfy(m -> {
            assertThat(m.file()).isEqualTo(FILE);
            assertThat(m.level()).isEqualTo("ERROR");
            assertThat(m.line()).isPositive();
        });
        assertThat(messages).extracting(RuleMessage::text).anySatisfy(t -> assertThat(t).contains(sentence));
    }

    @Test
    void namesTheLineOfTheExecInItsFile() {
        List<RuleMessage> messages = validator.validate(withShippedHealingRules(consequence(
                "insert( new CriticalEvent( \"a\", \"b\" ) );\njava.lang.Runtime.getRuntime().exec( \"touch /tmp/owned\" );")));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(15);
            assertThat(m.text()).startsWith("rule \"Site rule\": `java.lang.Runtime` is not a type a rule may use");
        });
    }

    @Test
    void acceptsEveryShippedRuleSet() throws IOException {
        for (String set : List.of("healing", "updates")) {
            Map<String, String> sources = read(set);
            assertThat(sources).as(set).isNotEmpty();
            assertThat(validator.validate(sources)).as(set).isEmpty();
        }
    }

    @Test
    void acceptsEveryDocumentedExampleAndRefusesTheDocumentedRefusal() throws IOException {
        String readme = Files.readString(RULES.resolve("README.md"));
        Matcher example = Pattern.compile("```drl\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        int accepted = 0;
        int refused = 0;
        while (example.find()) {
            String text = example.group(1);
            List<RuleMessage> messages = validator.validate(withShippedHealingRules(text));
            if (readme.substring(Math.max(0, example.start() - 40), example.start()).contains("refused example")) {
                assertThat(messages).singleElement().satisfies(m -> {
                    assertThat(m.line()).isEqualTo(6);
                    assertThat(m.column()).isEqualTo(5);
                    assertThat(readme).contains(m.text().replace("\"", "\\\""));
                });
                refused++;
            } else {
                assertThat(messages).as(text).isEmpty();
                accepted++;
            }
        }
        assertThat(accepted).isGreaterThanOrEqualTo(2);
        assertThat(refused).isEqualTo(1);
    }

    @Test
    void acceptsTheDocumentedUpdateRule() throws IOException {
        Matcher example = Pattern.compile("```\\n(package updates;.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(RULES.resolve("updates/README.md")));
        assertThat(example.find()).isTrue();
        Map<String, String> sources = new TreeMap<>(read("updates"));
        sources.put("updates/site.drl", example.group(1));

        assertThat(validator.validate(sources)).isEmpty();
    }

    @Test
    void acceptsModifyUpdateDeleteAndTheSessionClock() {
        String drl = consequence("""
                long now = kcontext.getKieRuntime().getSessionClock().getCurrentTime();
                int hour = java.time.Instant.ofEpochMilli( now ).atZone( java.time.ZoneId.systemDefault() ).getHour();
                if ( hour >= 1 && hour < 5 ) {
                    modify( $f ) { setReason( "night: " + $f.getReason() ), setServiceCount( $f.getServiceCount() + 1 ) }
                } else {
                    update( $f );
                }
                retract( $m );
                insertLogical( new ActionRequest( ActionType.NOTIFY, null, Category.A, drools.getRule().getName(),
                        String.format( "%d %%", Math.round( $m.cpuPercent() ) ) ) );
                """);

        assertThat(validator.validate(withShippedHealingRules(drl))).isEmpty();
    }

    private static Map<String, String> withShippedHealingRules(String drl) {
        // the declared types are all the file needs of the others
        Map<String, String> sources = new TreeMap<>(Map.of("healing/events.drl", read("healing").get("healing/events.drl")));
        sources.put(FILE, drl);
        return sources;
    }

    private static Map<String, String> read(String set) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(RULES.resolve(set))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                sources.put(set + "/" + file.getFileName(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sources;
    }
}
