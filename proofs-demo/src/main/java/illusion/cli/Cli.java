package illusion.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * The conventions every subcommand shares: bad input is one line on stderr and exit code 2; output
 * files appear whole or not at all.
 */
public final class Cli {
  /** Exit code for a successful run. */
  public static final int OK = 0;
  /** Exit code when a check the program ran failed (e.g. circuit and native evaluator disagree). */
  public static final int CHECK_FAILED = 1;
  /** Exit code for bad input: unknown names, malformed files, requests that would not fit. */
  public static final int BAD_INPUT = 2;

  private Cli() {}

  /**
   * Writes a file atomically: {@code writer} writes to a temporary file beside {@code target},
   * which is moved into place only when the writer returns normally. On any failure (or
   * interruption) the temporary file is deleted and {@code target} is untouched.
   */
  public static void writeAtomically(Path target, Consumer<OutputStream> writer) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      if (dir != null && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException("output directory does not exist: " + dir);
      }
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      makeWorldReadable(tmp);
      Path finalTmp = tmp;
      Thread cleanup = new Thread(() -> deleteQuietly(finalTmp));
      Runtime.getRuntime().addShutdownHook(cleanup);
      try {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
          writer.accept(out);
        }
        try {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs anyway
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  /** Writes text atomically as UTF-8. */
  public static void writeAtomically(Path target, String text) {
    writeAtomically(target, out -> {
      try {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Temporary files are created owner-only; an output file should read like any other (0644). */
  private static void makeWorldReadable(Path p) throws IOException {
    if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort
    }
  }

  /** Error lines longer than this are abbreviated (a hostile argument may be megabytes long). */
  static final int MAX_MESSAGE = 400;

  /**
   * Turns a user-facing failure into its one-line message. A wrapper's own message is kept when it
   * adds context (such as "cannot read FILE: ..."); a bare wrapper gives way to its cause.
   */
  static String oneLine(Throwable t) {
    Throwable root = t;
    while ((root instanceof UncheckedIOException || root instanceof CommandLine.ExecutionException)
        && root.getCause() != null
        && (root.getMessage() == null || root.getMessage().equals(root.getCause().toString()))) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    if (root instanceof OutOfMemoryError) {
      msg = "out of memory: the request is too large for this heap (" + msg + ")";
    } else if (root instanceof StackOverflowError) {
      msg = "the input nests too deeply to process";
    } else if (root instanceof java.nio.charset.CharacterCodingException) {
      msg = "the input is not valid UTF-8 text";
    } else if (msg == null || msg.isBlank()) {
      msg = root.getClass().getSimpleName();
    }
    msg = msg.replace('\n', ' ').replace('\r', ' ').strip();
    if (msg.length() > MAX_MESSAGE) {
      msg = msg.substring(0, MAX_MESSAGE) + "... (" + msg.length() + " characters)";
    }
    return msg;
  }

  /**
   * The one-line report of an error the JVM raised while a command ran (out of memory, a stack
   * overflow on deeply nested input): exit code 2 instead of a stack trace. Output files are
   * already gone: {@link #writeAtomically} removes its temporary file on any failure.
   */
  static int reportError(java.io.PrintWriter err, Error e) {
    if (!(e instanceof OutOfMemoryError || e instanceof StackOverflowError)) {
      throw e;
    }
    err.println("illusion: " + oneLine(e));
    err.flush();
    return BAD_INPUT;
  }

  /**
   * User errors: {@link IllegalArgumentException} (bad input, refusals), {@link
   * UncheckedIOException} (unreadable or unwritable files), {@link OutOfMemoryError}. Anything
   * else is a bug and keeps its stack trace.
   */
  static final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
      if (ex instanceof IllegalArgumentException
          || ex instanceof IllegalStateException
          || ex instanceof UncheckedIOException
          || ex instanceof IOException
          || ex instanceof ArithmeticException) {
        cl.getErr().println("illusion: " + oneLine(ex));
        cl.getErr().flush();
        return BAD_INPUT;
      }
      throw new RuntimeException(ex);
    }
  }

  /** Unknown options, missing values: one line, exit 2. */
  static final class ParameterHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      CommandLine cl = ex.getCommandLine();
      cl.getErr().println("illusion: " + oneLine(ex) + " (see 'illusion " + cl.getCommandName() + " --help')");
      cl.getErr().flush();
      return BAD_INPUT;
    }
  }
}
