package org.protectioncases.e2e;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Deque's axe-core (its npm package, which the build installs into {@code target/npm}) run on the page in the browser: the WCAG 2.0,
 * 2.1 and 2.2 level A and AA rules, with Vaadin's development tools and connection indicator left
 * out. Rules switched off are listed, with the reason, in {@code docs/accessibility.md}.
 *
 * <p>axe is injected as the body of a function Playwright calls through the DevTools protocol, not
 * as a script tag or {@code eval}, so the app's Content-Security-Policy stays in force and unbent.
 */
final class Axe {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    /** Rule ids switched off, each with its reason in docs/accessibility.md. */
    static final List<String> DISABLED = List.of();

    /**
     * Findings inside Vaadin's own shadow DOM that our code cannot fix, each with its reason in
     * docs/accessibility.md ("Known findings in Vaadin"): the rule, how the element's HTML starts, and
     * a pattern the whole failure summary must match. Only such a node is left out; the rule still
     * runs everywhere else, and any other failure on the same element still counts.
     */
    record KnownFinding(String rule, String htmlStart, String summary) {
    }

    static final List<KnownFinding> KNOWN_IN_VAADIN = List.of(
            // vaadin-tabs (the tab sheet's tab row, role=tablist) wraps its tabs in a scroller
            // <div id="scroll" part="tabs" tabindex="-1"> in its shadow root.
            new KnownFinding("aria-required-children", "<vaadin-tabs",
                    "^\\s*Fix any of the following:\\s*Element has children which are not allowed: div\\[tabindex\\]\\s*$"));

    private static final String INJECT = "() => { if (window.axe) { return; }\n" + load() + "\n}";

    private Axe() {
    }

    private static String load() {
        Path script = Path.of(System.getProperty("axe.script", "target/npm/node_modules/axe-core/axe.min.js"));
        try {
            return Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core not installed at " + script + " (the build's npm step)", e);
        }
    }

    /** The serious and critical violations on the page as it is now, one line each with up to five elements. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        page.evaluate(INJECT);
        String disabled = DISABLED.stream().map(id -> "'" + id + "': {enabled: false}").reduce((a, b) -> a + ", " + b).orElse("");
        List<List<String>> known = KNOWN_IN_VAADIN.stream().map(k -> List.of(k.rule(), k.htmlStart(), k.summary())).toList();
        return (List<String>) page.evaluate("async ([tags, known]) => {"
                + " const result = await axe.run({exclude: [['vaadin-dev-tools'], ['vaadin-connection-indicator']]},"
                + "   {runOnly: {type: 'tag', values: tags}, rules: {" + disabled + "}, resultTypes: ['violations']});"
                + " const isKnown = (v, n) => known.some(([rule, html, summary]) => v.id === rule"
                + "   && (n.html || '').startsWith(html) && new RegExp(summary).test(n.failureSummary || ''));"
                + " return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => ({...v, nodes: v.nodes.filter(n => !isKnown(v, n))})).filter(v => v.nodes.length > 0)"
                + "   .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "     + v.nodes.slice(0, 5).map(n => JSON.stringify(n.target) + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '));"
                + "}", List.of(TAGS, known));
    }
}
