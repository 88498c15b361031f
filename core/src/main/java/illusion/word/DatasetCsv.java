package illusion.word;

import illusion.group.FiniteGroup;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's dataset format (jopetty/word-problem): a header {@code seed,input,target}, then one
 * row per line: the seed, the word as space-separated element indices, and its prefix products in
 * the same form. Lines end with {@code \n}.
 *
 * <p>The reader checks every row against the group and fails with an {@link
 * IllegalArgumentException} naming the file and line: a malformed number, an element index
 * outside the group, a wrong number of fields, input and target (or two rows) of different
 * lengths, a target that is not the prefix products of the input, or a truncated last line.
 */
public final class DatasetCsv {
  /** The header line. */
  public static final String HEADER = "seed,input,target";

  /**
   * The longest line read: a row of {@link WordGenerator#MAX_LENGTH} elements of up to 7 digits
   * in input and target, or less on a small heap (a line is held as text while it is parsed).
   */
  static int maxLineLength() {
    long row = 2L * WordGenerator.MAX_LENGTH * 8 + 64;
    return (int) Math.min(row, Math.max(1 << 16, Runtime.getRuntime().maxMemory() / 16));
  }

  private DatasetCsv() {}

  /** Reads a whole dataset into memory. */
  public static Dataset read(Path file, FiniteGroup group) {
    List<DatasetRow> rows = new ArrayList<>();
    read(file, group, (seed, input, target) -> rows.add(DatasetRow.of(seed, input, target)));
    return Dataset.of(group, rows);
  }

  /**
   * Streams the rows of {@code file} to {@code sink} (arrays reused between rows); returns the
   * number of rows.
   */
  public static long read(Path file, FiniteGroup group, RowSink sink) {
    // undecodable bytes become U+FFFD, which the row parser reports with its line number
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      return read(in, file.toString(), group, sink, () -> endsWithLineBreak(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Streams the rows read from {@code in} to {@code sink}; {@code source} names the input in
   * error messages. Returns the number of rows.
   */
  public static long read(BufferedReader in, String source, FiniteGroup group, RowSink sink) {
    try {
      return read(in, source, group, sink, () -> true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  private interface Check {
    boolean get() throws IOException;
  }

  private static long read(
      BufferedReader reader, String source, FiniteGroup group, RowSink sink, Check terminated)
      throws IOException {
    BoundedLines in = new BoundedLines(reader, maxLineLength());
    long[] lineNo = {0};
    try {
      return rows(in, source, group, sink, terminated, lineNo);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          source + ": not valid UTF-8 text (after line " + lineNo[0] + ")");
    } catch (BoundedLines.LineTooLongException e) {
      throw new IllegalArgumentException(source + ":" + (lineNo[0] + 1) + ": " + e.getMessage());
    }
  }

  private static long rows(
      BoundedLines in, String source, FiniteGroup group, RowSink sink, Check terminated, long[] line)
      throws IOException {
    String header = in.next();
    if (header == null) {
      throw new IllegalArgumentException(source + ": empty file, expected the header " + HEADER);
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    if (!header.strip().equals(HEADER)) {
      throw new IllegalArgumentException(
          source + ":1: expected the header " + HEADER + ", found '" + abbreviate(header) + "'");
    }
    IntArrayList input = new IntArrayList();
    IntArrayList target = new IntArrayList();
    int[] inArr = new int[0];
    int[] outArr = new int[0];
    int length = -1;
    long rows = 0;
    long lineNo = 1;
    line[0] = 1;
    long blankLine = -1;
    String text;
    while ((text = in.next()) != null) {
      lineNo++;
      line[0] = lineNo;
      if (text.isBlank()) {
        if (blankLine < 0) {
          blankLine = lineNo;
        }
        continue;
      }
      String where = source + ":" + lineNo + ": ";
      if (blankLine >= 0) {
        throw new IllegalArgumentException(source + ":" + blankLine + ": empty line");
      }
      if (text.indexOf('\uFFFD') >= 0) {
        throw new IllegalArgumentException(where + "not valid UTF-8 text");
      }
      String problem = parseRow(text, group, input, target);
      long seed = 0;
      if (problem == null) {
        seed = seedOf(text);
        if (length >= 0 && input.size() != length) {
          problem = "row has length " + input.size() + ", expected " + length + " as on line 2";
        }
      }
      if (problem == null) {
        if (inArr.length != input.size()) {
          inArr = new int[input.size()];
          outArr = new int[input.size()];
        }
        input.toArray(inArr);
        target.toArray(outArr);
        problem = check(group, inArr, outArr);
      }
      if (problem != null) {
        if (isLast(in) && !terminated.get()) {
          problem += " (the file seems truncated: its last line has no line break)";
        }
        throw new IllegalArgumentException(where + problem);
      }
      length = input.size();
      sink.accept(seed, inArr, outArr);
      rows++;
    }
    return rows;
  }

  /** Whether no line follows (a following line that cannot be read counts as one). */
  private static boolean isLast(BoundedLines in) throws IOException {
    try {
      return in.next() == null;
    } catch (CharacterCodingException | BoundedLines.LineTooLongException e) {
      return false;
    }
  }

  /** Parses input and target; returns a problem description or null. */
  private static String parseRow(String line, FiniteGroup group, IntArrayList input, IntArrayList target) {
    int c1 = line.indexOf(',');
    int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
    int fields = 1;
    for (int i = 0; i < line.length(); i++) {
      fields += line.charAt(i) == ',' ? 1 : 0;
    }
    if (c2 < 0 || fields != 3) {
      return "expected 3 comma-separated fields (seed,input,target), found " + fields;
    }
    String seed = line.substring(0, c1).strip();
    try {
      Long.parseLong(seed);
    } catch (NumberFormatException e) {
      return "malformed seed '" + abbreviate(seed) + "'";
    }
    String p = parseIndices(line, c1 + 1, c2, "input", group, input);
    if (p == null) {
      p = parseIndices(line, c2 + 1, line.length(), "target", group, target);
    }
    if (p == null && input.isEmpty()) {
      p = "empty input";
    }
    if (p == null && input.size() != target.size()) {
      p = "input has " + input.size() + " elements but target has " + target.size();
    }
    return p;
  }

  private static long seedOf(String line) {
    return Long.parseLong(line.substring(0, line.indexOf(',')).strip());
  }

  /** Space-separated element indices in line[from, to). */
  private static String parseIndices(
      String line, int from, int to, String what, FiniteGroup group, IntArrayList out) {
    out.clear();
    int i = from;
    while (i < to) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      int start = i;
      long v = 0;
      while (i < to && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        char d = line.charAt(i);
        if (d < '0' || d > '9' || i - start >= 10) {
          int end = i;
          while (end < to && line.charAt(end) != ' ') {
            end++;
          }
          return "malformed number '" + abbreviate(line.substring(start, end)) + "' in " + what;
        }
        v = v * 10 + (d - '0');
        i++;
      }
      if (v >= group.order()) {
        return what
            + " element "
            + v
            + " at position "
            + (out.size() + 1)
            + " is outside 0.."
            + (group.order() - 1)
            + " ("
            + group.name()
            + ")";
      }
      out.add((int) v);
    }
    return null;
  }

  /**
   * Null if {@code target} is the prefix products of {@code input} in {@code group} (all indices
   * in range, same length), else a one-line description of the first problem.
   */
  static String check(FiniteGroup group, int[] input, int[] target) {
    if (input.length != target.length) {
      return "input has " + input.length + " elements but target has " + target.length;
    }
    int s = group.identity();
    for (int t = 0; t < input.length; t++) {
      if (input[t] < 0 || input[t] >= group.order() || target[t] < 0 || target[t] >= group.order()) {
        return "element outside 0.." + (group.order() - 1) + " at position " + (t + 1);
      }
      s = group.multiply(s, input[t]);
      if (target[t] != s) {
        return "target is not the prefix products of the input in "
            + group.name()
            + ": position "
            + (t + 1)
            + " has "
            + target[t]
            + ", expected "
            + s;
      }
    }
    return null;
  }

  private static boolean endsWithLineBreak(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      if (f.length() == 0) {
        return true;
      }
      f.seek(f.length() - 1);
      return f.read() == '\n';
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  static String join(int[] xs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(xs[i]);
    }
    return sb.toString();
  }

  /** A writer of the format that writes the header first, then one line per row. */
  public static RowWriter writer(OutputStream out) {
    return new RowWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /** A writer of the format onto a character stream. */
  public static RowWriter writer(Writer out) {
    return new RowWriter(out);
  }

  /** Writes a whole dataset. */
  public static void write(Dataset dataset, OutputStream out) {
    RowWriter w = writer(out);
    dataset.forEach(w);
    w.flush();
  }

  /**
   * Streams rows in the paper's format. {@link #flush()} pushes buffered text to the underlying
   * stream; {@link #close()} flushes and closes it. I/O failures surface as {@link
   * UncheckedIOException}.
   */
  public static final class RowWriter implements RowSink, Flushable, Closeable {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    private RowWriter(Writer out) {
      this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
      write(HEADER + "\n");
    }

    @Override
    public void accept(long seed, int[] input, int[] target) {
      line.setLength(0);
      line.append(seed).append(',');
      appendIndices(input);
      line.append(',');
      appendIndices(target);
      line.append('\n');
      write(line);
      rows++;
    }

    /** The number of rows written. */
    public long rows() {
      return rows;
    }

    private void appendIndices(int[] xs) {
      for (int i = 0; i < xs.length; i++) {
        if (i > 0) {
          line.append(' ');
        }
        line.append(xs[i]);
      }
    }

    private void write(CharSequence s) {
      try {
        out.append(s);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write dataset: " + e.getMessage(), e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write dataset: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write dataset: " + e.getMessage(), e);
      }
    }
  }
}
