package illusion.export;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The vector files a {@link VerilogExporter} testbench reads and writes: plain ASCII, one vector
 * per line, each line exactly {@code width} characters {@code 0} or {@code 1}, character i (from
 * the left) being input (or output) i in circuit order, lines ended by {@code \n}. Row {@code r}
 * of the array forms is line {@code r + 1}.
 */
public final class TestVectors {
  private TestVectors() {}

  /**
   * Writes {@code vectors} (each of length {@code width}) to {@code out} (buffered here; flushed,
   * not closed).
   */
  public static void write(boolean[][] vectors, int width, Writer out) throws IOException {
    checkArgument(width > 0, "vector width must be positive: %s", width);
    for (int r = 0; r < vectors.length; r++) {
      checkArgument(
          vectors[r].length == width,
          "vector %s has %s bits, expected %s",
          r,
          vectors[r].length,
          width);
    }
    BufferedWriter w = new BufferedWriter(out, 1 << 16);
    char[] line = new char[width + 1];
    line[width] = '\n';
    for (boolean[] v : vectors) {
      for (int i = 0; i < width; i++) {
        line[i] = v[i] ? '1' : '0';
      }
      w.write(line);
    }
    w.flush();
  }

  /** Writes {@code vectors} to {@code file} (see {@link #write(boolean[][], int, Writer)}). */
  public static void write(boolean[][] vectors, int width, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      write(vectors, width, w);
    }
  }

  /**
   * Reads a vector file whose lines all have {@code width} characters.
   *
   * @throws IllegalArgumentException naming {@code file:line} on a line of the wrong length or with
   *     a character other than 0 and 1 (e.g. an {@code x} a simulator printed)
   */
  public static boolean[][] read(Path file, int width) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      return read(r, width, file.toString());
    }
  }

  /** Reads vectors from {@code in}; {@code source} names it in error messages. */
  public static boolean[][] read(BufferedReader in, int width, String source) throws IOException {
    Objects.requireNonNull(source, "source");
    checkArgument(width > 0, "vector width must be positive: %s", width);
    List<boolean[]> rows = new ArrayList<>();
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      checkArgument(
          line.length() == width,
          "%s:%s: expected %s characters 0/1, found %s",
          source,
          lineNo,
          width,
          line.length());
      boolean[] v = new boolean[width];
      for (int i = 0; i < width; i++) {
        char ch = line.charAt(i);
        checkArgument(
            ch == '0' || ch == '1',
            "%s:%s: character %s is '%s', expected 0 or 1",
            source,
            lineNo,
            i + 1,
            ch);
        v[i] = ch == '1';
      }
      rows.add(v);
    }
    return rows.toArray(new boolean[0][]);
  }
}
