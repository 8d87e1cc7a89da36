package com.arasul.rules;

import com.arasul.rules.RuleViews.RuleFileSaved;
import com.arasul.rules.RuleViews.RuleSetView;
import com.arasul.rules.RuleViews.RulesOverview;
import com.arasul.rules.RuleViews.RulesRefused;
import com.arasul.rules.RuleViews.Validation;
import com.arasul.rules.RuleViews.ValidationRequest;
import com.arasul.rules.internal.RulePaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reading and changing rules over HTTP. Every name from the request goes through {@link RulePaths}
 * before it becomes a path; a change is compiled with the rest of its rule set first and written
 * only when that compiles.
 */
@RestController
@RequestMapping("/api/rules")
class RulesController {

    /** A rule file is text an integrator edits; anything much larger is a mistake. */
    static final int MAX_RULE_FILE_CHARS = 512 * 1024;

    private final RuleSets ruleSets;

    RulesController(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GetMapping
    RulesOverview list() {
        return new RulesOverview(Instant.now(), ruleSets.root().toString(),
                ruleSets.all().stream().map(RuleSetView::of).toList());
    }

    /**
     * The file's text, always as {@code text/plain}: a rule file has no other form, so whatever the
     * {@code Accept} header asks for (e.g. {@code application/json}), the text is what is answered.
     */
    @GetMapping(path = "/{set}/{file}")
    ResponseEntity<String> read(@PathVariable String set, @PathVariable String file) throws IOException {
        Path path = RulePaths.resolve(ruleSets.root(), set, file);
        ruleSet(set);
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no rule file " + set + "/" + file);
        }
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            // a content type set here is not negotiated again against the Accept header
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @PutMapping("/{set}/{file}")
    ResponseEntity<?> write(@PathVariable String set, @PathVariable String file, @RequestBody String text,
            HttpServletRequest request) {
        RulePaths.resolve(ruleSets.root(), set, file);
        RuleBuild build = ruleSet(set).write(file, checkedSize(text));
        if (!build.ok()) {
            return ResponseEntity.unprocessableContent().body(RulesRefused.of(build,
                    set + "/" + file + " does not compile with the rest of " + set + "; nothing was written",
                    request.getRequestURI()));
        }
        return ResponseEntity.ok(new RuleFileSaved(Instant.now(), set, file, ruleSet(set).version(), build.messages()));
    }

    @PostMapping("/validate")
    Validation validate(@Valid @RequestBody ValidationRequest body) {
        RulePaths.resolve(ruleSets.root(), body.set(), body.file());
        RuleBuild build = ruleSet(body.set()).validate(body.set() + "/" + body.file(), checkedSize(body.text()));
        return new Validation(Instant.now(), build.ok(), build.messages());
    }

    private RuleSet ruleSet(String name) {
        return ruleSets.find(RulePaths.ruleSet(name))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no rule set " + name));
    }

    private static String checkedSize(String text) {
        if (text.length() > MAX_RULE_FILE_CHARS) {
            throw new IllegalArgumentException("a rule file may have at most " + MAX_RULE_FILE_CHARS + " characters");
        }
        return text;
    }
}
