package illusion.demo;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reduction of Prop 3.3 into Python swap programs: a list {@code x = [0, 1, 2, 3, 4]}, then for
 * each S5 element a {@code # step t} comment followed by its swaps ({@link Transpositions#swaps}),
 * one statement {@code x[i], x[j] = x[j], x[i]} per line, and finally {@code print(x)}. Valid
 * Python: running it prints the prefix product in one-line form (0-based), since after step t,
 * {@code x[q] = s_t(q)}.
 *
 * <p>{@link #parse} inverts {@link #generate}; {@link #track} executes a program as Python would,
 * without using the group.
 */
final class SwapProgram {
  static final String HEADER = "x = [0, 1, 2, 3, 4]";
  static final String FOOTER = "print(x)";

  private static final Pattern STEP = Pattern.compile("# step ([0-9]{1,7})");
  private static final Pattern SWAP =
      Pattern.compile("x\\[([0-9])\\], x\\[([0-9])\\] = x\\[([0-9])\\], x\\[([0-9])\\]");

  private SwapProgram() {}

  /** The program of an S5 word. */
  static String generate(int[] word) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (int t = 0; t < word.length; t++) {
      sb.append("# step ").append(t + 1).append('\n');
      for (int[] s : Transpositions.swaps(word[t])) {
        sb.append(statement(s[0], s[1])).append('\n');
      }
    }
    return sb.append(FOOTER).append('\n').toString();
  }

  /** {@code x[i], x[j] = x[j], x[i]}. */
  static String statement(int i, int j) {
    return "x[" + i + "], x[" + j + "] = x[" + j + "], x[" + i + "]";
  }

  /**
   * The S5 word of a program: step t's element is the product of its swaps.
   *
   * @throws IllegalArgumentException naming the line of the first malformed statement
   */
  static int[] parse(String program) {
    List<List<int[]>> steps = steps(program);
    int[] word = new int[steps.size()];
    for (int t = 0; t < word.length; t++) {
      word[t] = Transpositions.product(steps.get(t).toArray(new int[0][]));
    }
    return word;
  }

  /**
   * Executes the program on the list {@code [0, 1, 2, 3, 4]}: the list after each step.
   *
   * @throws IllegalArgumentException naming the line of the first malformed statement
   */
  static int[][] track(String program) {
    List<List<int[]>> steps = steps(program);
    int[] x = {0, 1, 2, 3, 4};
    int[][] states = new int[steps.size()][];
    for (int t = 0; t < states.length; t++) {
      for (int[] s : steps.get(t)) {
        Transpositions.swap(x, s[0], s[1]);
      }
      states[t] = x.clone();
    }
    return states;
  }

  /** The swaps of each step, checking the whole program's syntax. */
  private static List<List<int[]>> steps(String program) {
    checkNotNull(program, "program");
    String[] lines = program.split("\n", -1);
    int last = lines.length;
    while (last > 0 && lines[last - 1].isBlank()) {
      last--;
    }
    if (last == 0 || !lines[0].strip().equals(HEADER)) {
      throw bad(1, "expected '" + HEADER + "'");
    }
    if (!lines[last - 1].strip().equals(FOOTER)) {
      throw bad(last, "expected '" + FOOTER + "' at the end");
    }
    List<List<int[]>> steps = new ArrayList<>();
    for (int i = 1; i < last - 1; i++) {
      String line = lines[i].strip();
      Matcher step = STEP.matcher(line);
      if (step.matches()) {
        if (Integer.parseInt(step.group(1)) != steps.size() + 1) {
          throw bad(i + 1, "expected '# step " + (steps.size() + 1) + "'");
        }
        steps.add(new ArrayList<>());
        continue;
      }
      Matcher swap = SWAP.matcher(line);
      if (!swap.matches()) {
        throw bad(
            i + 1,
            "expected '# step N' or a swap such as " + statement(1, 3) + ", got '" + line + "'");
      }
      if (steps.isEmpty()) {
        throw bad(i + 1, "a swap before '# step 1'");
      }
      int a = Integer.parseInt(swap.group(1));
      int b = Integer.parseInt(swap.group(2));
      if (a == b
          || a >= Transpositions.POINTS
          || b >= Transpositions.POINTS
          || Integer.parseInt(swap.group(3)) != b
          || Integer.parseInt(swap.group(4)) != a) {
        throw bad(i + 1, "not a swap of two different entries x[0]..x[4]: '" + line + "'");
      }
      steps.get(steps.size() - 1).add(new int[] {a, b});
    }
    return steps;
  }

  private static IllegalArgumentException bad(int line, String what) {
    return new IllegalArgumentException("swap program line " + line + ": " + what);
  }
}
