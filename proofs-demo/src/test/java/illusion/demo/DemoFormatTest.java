package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoFormatTest {

  private static DemoReport report(boolean second) {
    DemoReport.Builder b = DemoReport.builder("A `title`");
    b.heading("Part *one*");
    b.paragraph("word ".repeat(40) + "`x[1], x[3] = x[3], x[1]` a_b");
    b.table(
        DemoReport.Table.builder().column("name").numberColumn("n").row("a|b", 1).row("`c|d`", 22));
    b.preformatted("line 1\nline 2");
    b.check(true, "first claim");
    b.check(second, "second claim");
    return b.build();
  }

  /** The verdict is computed from the checks: it passes iff every check holds. */
  @Test
  void verdictFollowsTheChecks() {
    assertTrue(report(true).passed());
    assertFalse(report(false).passed());
    assertEquals(1, report(false).failures());
    assertTrue(
        DemoFormat.TEXT.render(report(true)).endsWith("Verdict: PASS (all 2 checks hold)\n"));
    assertTrue(DemoFormat.TEXT.render(report(false)).contains("[FAILED] second claim"));
    assertTrue(
        DemoFormat.TEXT.render(report(false)).endsWith("Verdict: FAIL (1 of 2 checks failed)\n"));
    assertTrue(
        DemoFormat.MARKDOWN.render(report(false)).contains("- [ ] **FAILED:** second claim"));
    assertTrue(
        DemoFormat.MARKDOWN
            .render(report(true))
            .endsWith("**Verdict:** PASS (all 2 checks hold)\n"));
  }

  @Test
  void textWrapsAtEightyColumnsAndKeepsCodeSpansWhole() {
    String text = DemoFormat.TEXT.render(report(true));
    text.lines().forEach(l -> assertTrue(l.length() <= DemoFormat.WIDTH, l));
    assertTrue(text.contains("x[1], x[3] = x[3], x[1]"), text);
    assertFalse(text.contains("`"), text);
    assertTrue(text.contains("  line 1\n  line 2\n"));
    assertTrue(text.contains("A title\n======="));
  }

  @Test
  void markdownEscapesOutsideCodeSpans() {
    String md = DemoFormat.MARKDOWN.render(report(true));
    assertTrue(md.startsWith("# A `title`\n"), md);
    assertTrue(md.contains("## Part \\*one\\*"), md);
    assertTrue(md.contains("`x[1], x[3] = x[3], x[1]` a\\_b"), md);
    assertTrue(md.contains("| a\\|b | 1 |"), md);
    assertTrue(md.contains("| `c\\|d` | 22 |"), md);
    assertTrue(md.contains("|---|---:|"), md);
    assertTrue(md.contains("```text\nline 1\nline 2\n```"), md);
  }

  @Test
  void reportsNeedChecksAndTablesNeedWholeRows() {
    assertThrows(IllegalStateException.class, () -> DemoReport.builder("t").paragraph("p").build());
    assertThrows(
        IllegalArgumentException.class, () -> DemoReport.Table.builder().column("a").row("1", "2"));
    assertThrows(
        IllegalArgumentException.class, () -> DemoReport.builder("t").paragraph("two\nlines"));
  }
}
