package illusion.word;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a {@link Reader}, like {@link java.io.BufferedReader#readLine()} (a line ends at
 * {@code \n}, {@code \r\n} or {@code \r}), except that a line longer than a bound is refused as
 * soon as the bound is passed, so that an input without line breaks (a binary file, an endless
 * device) cannot exhaust the heap.
 */
final class BoundedLines {
  /** Thrown when a line exceeds the bound. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(int max) {
      super("a line is longer than " + max + " characters");
    }
  }

  private final Reader in;
  private final int max;
  private final char[] buf = new char[1 << 16];
  private final StringBuilder line = new StringBuilder();
  private int pos;
  private int end;
  private boolean eof;
  private boolean skipLineFeed;

  BoundedLines(Reader in, int max) {
    this.in = in;
    this.max = max;
  }

  /** The next line without its terminator, or null at the end of the input. */
  String next() throws IOException {
    line.setLength(0);
    while (true) {
      if (pos == end) {
        if (eof) {
          return line.length() > 0 ? line.toString() : null;
        }
        int n = in.read(buf, 0, buf.length);
        pos = 0;
        end = Math.max(0, n);
        eof = n < 0;
        continue;
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      int start = pos;
      while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
        pos++;
      }
      if (line.length() + (pos - start) > max) {
        throw new LineTooLongException(max);
      }
      line.append(buf, start, pos - start);
      if (pos < end) {
        skipLineFeed = buf[pos++] == '\r';
        return line.toString();
      }
    }
  }
}
