package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a demo prints: a title, a sequence of blocks (headings, paragraphs, tables, preformatted
 * text such as a board or a program) and the checks the demo ran, each a claim with the outcome the
 * program computed. The verdict is derived from the checks, never written by hand: it passes iff
 * every check holds. Rendered by {@link DemoFormat}. Immutable.
 *
 * <p>Text in titles, headings, paragraphs, table cells and checks may mark code with backticks
 * ({@code `x[1]`}): Markdown shows a code span and escapes everything outside it; plain text drops
 * the backticks and never breaks a line inside the span.
 */
public final class DemoReport {
  private final String title;
  private final ImmutableList<Block> blocks;
  private final ImmutableList<Check> checks;

  private DemoReport(String title, List<Block> blocks, List<Check> checks) {
    this.title = title;
    this.blocks = ImmutableList.copyOf(blocks);
    this.checks = ImmutableList.copyOf(checks);
  }

  /** A builder for a report titled {@code title}. */
  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** The title. */
  public String title() {
    return title;
  }

  /** The blocks, in order. */
  public ImmutableList<Block> blocks() {
    return blocks;
  }

  /** The checks, in the order they ran. */
  public ImmutableList<Check> checks() {
    return checks;
  }

  /** Whether every check holds (a report has at least one check). */
  public boolean passed() {
    return checks.stream().allMatch(Check::holds);
  }

  /** The number of checks that failed. */
  public int failures() {
    return (int) checks.stream().filter(c -> !c.holds()).count();
  }

  /** One part of a report. */
  public sealed interface Block permits Heading, Paragraph, Table, Preformatted {}

  /** A section heading. */
  public record Heading(String text) implements Block {}

  /** Running text, wrapped to the terminal width in text output. */
  public record Paragraph(String text) implements Block {}

  /**
   * Verbatim lines (a board, a program, a story), each at most {@link DemoFormat#WIDTH} - 2 wide.
   */
  public record Preformatted(String text) implements Block {}

  /** A claim the demo checked and whether it holds. */
  public record Check(String claim, boolean holds) {}

  /**
   * A table: a header row and rows of cells, each column left- or right-aligned. Built by {@link
   * #builder}, which rejects rows of the wrong width.
   */
  public static final class Table implements Block {
    private final ImmutableList<String> headers;
    private final boolean[] rightAligned;
    private final ImmutableList<ImmutableList<String>> rows;

    private Table(List<String> headers, boolean[] rightAligned, List<ImmutableList<String>> rows) {
      this.headers = ImmutableList.copyOf(headers);
      this.rightAligned = rightAligned;
      this.rows = ImmutableList.copyOf(rows);
    }

    /** A builder; add columns first, then rows. */
    public static TableBuilder builder() {
      return new TableBuilder();
    }

    /** The column headers. */
    public ImmutableList<String> headers() {
      return headers;
    }

    /** Whether column {@code c} is right-aligned (numbers). */
    public boolean rightAligned(int c) {
      return rightAligned[c];
    }

    /** The rows, each with one cell per column. */
    public ImmutableList<ImmutableList<String>> rows() {
      return rows;
    }
  }

  /** Collects a table's columns, then its rows. */
  public static final class TableBuilder {
    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> right = new ArrayList<>();
    private final List<ImmutableList<String>> rows = new ArrayList<>();

    private TableBuilder() {}

    /** A left-aligned column. */
    public TableBuilder column(String header) {
      return add(header, false);
    }

    /** A right-aligned column (for numbers). */
    public TableBuilder numberColumn(String header) {
      return add(header, true);
    }

    private TableBuilder add(String header, boolean rightAligned) {
      checkState(rows.isEmpty(), "columns come before rows");
      headers.add(checkNotNull(header, "header"));
      right.add(rightAligned);
      return this;
    }

    /** A row: one cell per column, each printed with {@link String#valueOf(Object)}. */
    public TableBuilder row(Object... cells) {
      checkArgument(
          cells.length == headers.size(),
          "a row of %s cells in a table of %s columns",
          cells.length,
          headers.size());
      rows.add(Arrays.stream(cells).map(String::valueOf).collect(ImmutableList.toImmutableList()));
      return this;
    }

    /** Builds the table; it needs at least one column. */
    public Table build() {
      checkState(!headers.isEmpty(), "a table needs a column");
      boolean[] r = new boolean[right.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = right.get(i);
      }
      return new Table(headers, r, rows);
    }
  }

  /** Collects blocks and checks. */
  public static final class Builder {
    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    private Builder(String title) {
      checkArgument(title != null && !title.isBlank(), "a report needs a title");
      this.title = title.strip();
    }

    /** Adds a section heading. */
    public Builder heading(String text) {
      blocks.add(new Heading(oneLine(text)));
      return this;
    }

    /** Adds a paragraph (one logical line; wrapped when printed as text). */
    public Builder paragraph(String text) {
      blocks.add(new Paragraph(oneLine(text)));
      return this;
    }

    /** Adds a table. */
    public Builder table(Table table) {
      blocks.add(checkNotNull(table, "table"));
      return this;
    }

    /** Adds a table. */
    public Builder table(TableBuilder table) {
      return table(table.build());
    }

    /** Adds verbatim lines. */
    public Builder preformatted(String text) {
      checkNotNull(text, "text");
      blocks.add(new Preformatted(text.stripTrailing()));
      return this;
    }

    /** Records a claim and whether the computation confirmed it; returns {@code holds}. */
    public boolean check(boolean holds, String claim) {
      checks.add(new Check(oneLine(claim), holds));
      return holds;
    }

    /** Builds the report; it must have run at least one check. */
    public DemoReport build() {
      checkState(!checks.isEmpty(), "report '%s' has no checks", title);
      return new DemoReport(title, blocks, checks);
    }

    private static String oneLine(String text) {
      checkNotNull(text, "text");
      checkArgument(text.indexOf('\n') < 0, "one line expected: %s", text);
      return text.strip();
    }
  }
}
