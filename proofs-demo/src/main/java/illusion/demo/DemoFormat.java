package illusion.demo;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link DemoReport} is printed: {@link #TEXT} for an 80-column terminal (paragraphs wrapped,
 * tables aligned) or {@link #MARKDOWN} for lecture notes (GitHub-flavoured: pipe tables, fenced
 * blocks, a task list of checks). Both end with the checks and the verdict they imply.
 */
public enum DemoFormat {
  /** Plain text; every line at most {@link #WIDTH} characters when the blocks allow it. */
  TEXT {
    @Override
    public String render(DemoReport report) {
      StringBuilder out = new StringBuilder();
      String title = plain(report.title());
      out.append(title).append('\n').append(Strings.repeat("=", title.length())).append('\n');
      for (DemoReport.Block block : report.blocks()) {
        out.append('\n');
        if (block instanceof DemoReport.Heading h) {
          String heading = plain(h.text());
          out.append(heading)
              .append('\n')
              .append(Strings.repeat("-", heading.length()))
              .append('\n');
        } else if (block instanceof DemoReport.Paragraph p) {
          wrap(out, p.text(), "", "");
        } else if (block instanceof DemoReport.Preformatted pre) {
          for (String line : pre.text().split("\n", -1)) {
            out.append(line.isEmpty() ? "" : "  " + line).append('\n');
          }
        } else {
          textTable(out, (DemoReport.Table) block);
        }
      }
      out.append("\nChecks\n------\n");
      for (DemoReport.Check c : report.checks()) {
        String mark = c.holds() ? "[ok] " : "[FAILED] ";
        wrap(out, c.claim(), "  " + mark, Strings.repeat(" ", 2 + mark.length()));
      }
      out.append('\n').append(verdict(report)).append('\n');
      return out.toString();
    }
  },

  /** GitHub-flavoured Markdown. */
  MARKDOWN {
    @Override
    public String render(DemoReport report) {
      StringBuilder out = new StringBuilder();
      out.append("# ").append(inline(report.title(), false)).append('\n');
      for (DemoReport.Block block : report.blocks()) {
        out.append('\n');
        if (block instanceof DemoReport.Heading h) {
          out.append("## ").append(inline(h.text(), false)).append('\n');
        } else if (block instanceof DemoReport.Paragraph p) {
          out.append(inline(p.text(), false)).append('\n');
        } else if (block instanceof DemoReport.Preformatted pre) {
          out.append("```text\n").append(pre.text()).append("\n```\n");
        } else {
          markdownTable(out, (DemoReport.Table) block);
        }
      }
      out.append("\n## Checks\n\n");
      for (DemoReport.Check c : report.checks()) {
        out.append(c.holds() ? "- [x] " : "- [ ] **FAILED:** ")
            .append(inline(c.claim(), false))
            .append('\n');
      }
      out.append("\n**").append(verdict(report).replace(":", ":**")).append('\n');
      return out.toString();
    }
  };

  /** The width of a terminal line in {@link #TEXT} output. */
  public static final int WIDTH = 80;

  /** Renders the report. */
  public abstract String render(DemoReport report);

  /** The verdict line, computed from the checks. */
  static String verdict(DemoReport report) {
    int n = report.checks().size();
    return report.passed()
        ? "Verdict: PASS (all " + n + " check" + (n == 1 ? "" : "s") + " hold)"
        : "Verdict: FAIL (" + report.failures() + " of " + n + " checks failed)";
  }

  /**
   * Word-wraps {@code text} to {@link #WIDTH}, the first line after {@code first}, the others after
   * {@code rest}. A backtick span is kept on one line and printed without its backticks.
   */
  static void wrap(StringBuilder out, String text, String first, String rest) {
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String word : words(text)) {
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(rest);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    out.append(line).append('\n');
  }

  /** The words of {@code text}; a backtick span (backticks removed) counts as one word. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean code = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '`') {
        code = !code;
      } else if (c == ' ' && !code) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /** A table cell or heading as plain text: backticks removed. */
  static String plain(String text) {
    return text.replace("`", "");
  }

  private static void textTable(StringBuilder out, DemoReport.Table t) {
    int cols = t.headers().size();
    int[] width = new int[cols];
    for (int c = 0; c < cols; c++) {
      width[c] = plain(t.headers().get(c)).length();
      for (List<String> row : t.rows()) {
        width[c] = Math.max(width[c], plain(row.get(c)).length());
      }
    }
    List<String> rule = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      rule.add(Strings.repeat("-", width[c]));
    }
    textRow(out, t, t.headers(), width);
    textRow(out, t, ImmutableList.copyOf(rule), width);
    for (List<String> row : t.rows()) {
      textRow(out, t, row, width);
    }
  }

  private static void textRow(
      StringBuilder out, DemoReport.Table t, List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder(" ");
    for (int c = 0; c < cells.size(); c++) {
      String cell = plain(cells.get(c));
      line.append(' ');
      line.append(
          t.rightAligned(c)
              ? Strings.padStart(cell, width[c], ' ')
              : Strings.padEnd(cell, width[c], ' '));
      line.append(' ');
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static void markdownTable(StringBuilder out, DemoReport.Table t) {
    out.append('|');
    for (String h : t.headers()) {
      out.append(' ').append(inline(h, true)).append(" |");
    }
    out.append("\n|");
    for (int c = 0; c < t.headers().size(); c++) {
      out.append(t.rightAligned(c) ? "---:|" : "---|");
    }
    out.append('\n');
    for (List<String> row : t.rows()) {
      out.append('|');
      for (String cell : row) {
        out.append(' ').append(inline(cell, true)).append(" |");
      }
      out.append('\n');
    }
  }

  /**
   * Escapes Markdown outside backtick spans; inside a table cell, {@code |} is escaped even within
   * code spans (GitHub's table syntax requires it).
   */
  static String inline(String text, boolean cell) {
    StringBuilder out = new StringBuilder();
    String[] parts = text.split("`", -1);
    boolean balanced = parts.length % 2 == 1;
    for (int i = 0; i < parts.length; i++) {
      boolean code = balanced && i % 2 == 1;
      String part = parts[i];
      if (code) {
        out.append('`').append(cell ? part.replace("|", "\\|") : part).append('`');
        continue;
      }
      if (!balanced && i > 0) {
        out.append("\\`");
      }
      for (int k = 0; k < part.length(); k++) {
        char ch = part.charAt(k);
        if ("\\*_[]<>|#~".indexOf(ch) >= 0) {
          out.append('\\');
        }
        out.append(ch);
      }
    }
    return out.toString();
  }
}
