package illusion.group;

/**
 * Cycle notation {@code (1 3)(2 5 4)} and one-line notation {@code [3 1 2]} for permutations of
 * {@code 0 .. n-1}, printed with points numbered from 1.
 */
final class PermutationNotation {
  private PermutationNotation() {}

  /**
   * Cycle notation of the permutation whose image of point i is {@code images[offset + i]}, i &lt;
   * n: disjoint cycles of length at least 2, each starting at its smallest point, in increasing
   * order of that point; the identity is {@code ()}.
   */
  static String format(byte[] images, int offset, int n) {
    StringBuilder sb = new StringBuilder();
    boolean[] seen = new boolean[n];
    for (int start = 0; start < n; start++) {
      if (seen[start] || images[offset + start] == start) {
        continue;
      }
      sb.append('(').append(start + 1);
      seen[start] = true;
      for (int p = images[offset + start]; p != start; p = images[offset + p]) {
        sb.append(' ').append(p + 1);
        seen[p] = true;
      }
      sb.append(')');
    }
    return sb.length() == 0 ? "()" : sb.toString();
  }

  /**
   * Parses cycle notation or one-line notation into the image array of a permutation of {@code
   * 0 .. n-1}. Points are numbered from 1 and separated by spaces or commas. A sequence of cycles
   * is their product in the group's order, {@code (a*b)(i) = a(b(i))}: the rightmost cycle acts
   * first. In one-line notation the i-th entry is the image of point i and all n entries appear.
   *
   * @throws IllegalArgumentException on malformed text, a point outside {@code 1..n}, a point
   *     repeated within a cycle, or one-line entries that are not a bijection
   */
  static int[] parse(String text, int n) {
    String s = text.strip();
    if (s.startsWith("[")) {
      return parseOneLine(s, n, text);
    }
    if (!s.startsWith("(")) {
      throw malformed(text, n);
    }
    int[] result = identity(n);
    int pos = 0;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      if (c != '(') {
        throw malformed(text, n);
      }
      int close = s.indexOf(')', pos);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed cycle in permutation '" + text.strip() + "'");
      }
      int[] cycle = points(s.substring(pos + 1, close), n, text);
      boolean[] inCycle = new boolean[n];
      for (int p : cycle) {
        if (inCycle[p]) {
          throw new IllegalArgumentException(
              "point " + (p + 1) + " repeats in a cycle of '" + text.strip() + "'");
        }
        inCycle[p] = true;
      }
      // result := result * cycle, i.e. apply this cycle first, then what precedes it.
      int[] cyc = identity(n);
      for (int k = 0; k < cycle.length; k++) {
        cyc[cycle[k]] = cycle[(k + 1) % cycle.length];
      }
      int[] composed = new int[n];
      for (int i = 0; i < n; i++) {
        composed[i] = result[cyc[i]];
      }
      result = composed;
      pos = close + 1;
    }
    return result;
  }

  private static int[] parseOneLine(String s, int n, String text) {
    if (!s.endsWith("]")) {
      throw new IllegalArgumentException("unclosed one-line permutation '" + text.strip() + "'");
    }
    int[] images = points(s.substring(1, s.length() - 1), n, text);
    if (images.length != n) {
      throw new IllegalArgumentException(
          "one-line permutation '" + text.strip() + "' has " + images.length + " entries, expected " + n);
    }
    boolean[] seen = new boolean[n];
    for (int p : images) {
      if (seen[p]) {
        throw new IllegalArgumentException(
            "'" + text.strip() + "' is not a bijection: " + (p + 1) + " appears twice");
      }
      seen[p] = true;
    }
    return images;
  }

  /** The 0-based points listed (1-based) in {@code body}, separated by spaces or commas. */
  private static int[] points(String body, int n, String text) {
    String b = body.strip();
    if (b.isEmpty()) {
      return new int[0];
    }
    String[] tokens = b.split("[\\s,]+");
    int[] pts = new int[tokens.length];
    for (int k = 0; k < tokens.length; k++) {
      String t = tokens[k];
      if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        throw malformed(text, n);
      }
      int p = Integer.parseInt(t);
      if (p < 1 || p > n) {
        throw new IllegalArgumentException(
            "point " + p + " in '" + text.strip() + "' is outside 1.." + n);
      }
      pts[k] = p - 1;
    }
    return pts;
  }

  private static int[] identity(int n) {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }

  private static IllegalArgumentException malformed(String text, int n) {
    return new IllegalArgumentException(
        "malformed permutation '"
            + text.strip()
            + "': expected cycle notation such as (1 3)(2 4) or one-line notation such as [2 1 3],"
            + " on points 1.."
            + n);
  }
}
