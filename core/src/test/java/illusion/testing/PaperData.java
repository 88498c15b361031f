package illusion.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the paper's data files: {@code shared/paper-data} beside an ancestor of the working directory. */
public final class PaperData {
  private PaperData() {}

  /** The path of {@code shared/paper-data/<file>}, found by walking up from the working directory. */
  public static Path file(String file) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("paper-data");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve(file);
      }
    }
    throw new IllegalStateException(
        "shared/paper-data not found above " + Path.of("").toAbsolutePath());
  }
}
