package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Boolean formula over named variables with NOT, AND and OR (a formula in the sense of NC1: a
 * tree of fan-in-2 gates). Syntax, loosest binding first:
 *
 * <pre>
 *   formula := and ('|' and)*          ('||' is accepted for '|')
 *   and     := unary ('&amp;' unary)*      ('&amp;&amp;' is accepted for '&amp;')
 *   unary   := ('!' | '~') unary | '(' formula ')' | variable | '0' | '1'
 *   variable:= a letter or '_', then letters, digits or '_'   (x1, x2, a, carry_in)
 * </pre>
 *
 * Variables are numbered in natural order of their names ({@code x2} before {@code x10}); an
 * assignment is a bit mask, bit i the value of variable i. The depth counts AND and OR gates on the
 * longest root-to-leaf path (NOT is free, as in Barrington's construction). Immutable.
 */
final class BooleanFormula {
  /** A node of the formula tree. */
  sealed interface Node permits Var, Const, Not, And, Or {}

  /** Variable number {@code index}. */
  record Var(int index) implements Node {}

  /** A constant. */
  record Const(boolean value) implements Node {}

  /** Negation. */
  record Not(Node operand) implements Node {}

  /** Conjunction. */
  record And(Node left, Node right) implements Node {}

  /** Disjunction. */
  record Or(Node left, Node right) implements Node {}

  /** The most variables a formula may have (assignments are {@code long} masks). */
  static final int MAX_VARIABLES = 62;

  private static final int MAX_LENGTH = 10_000;

  /** The deepest nesting of parentheses and negations accepted (the tree is walked recursively). */
  static final int MAX_NESTING = 256;

  private final Node root;
  private final ImmutableList<String> variables;

  private BooleanFormula(Node root, List<String> variables) {
    this.root = root;
    this.variables = ImmutableList.copyOf(variables);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with a one-line message naming the column of the first error
   */
  static BooleanFormula parse(String text) {
    checkNotNull(text, "text");
    checkArgument(
        text.length() <= MAX_LENGTH,
        "bad formula: %s characters, at most %s are accepted",
        text.length(),
        MAX_LENGTH);
    return new Parser(text).parse();
  }

  /** A formula from a tree and its variable names ({@link Var} indices refer to them). */
  static BooleanFormula of(Node root, List<String> variables) {
    return new BooleanFormula(checkNotNull(root, "root"), variables);
  }

  /** The tree. */
  Node root() {
    return root;
  }

  /** The variable names; variable i is bit i of an assignment. */
  ImmutableList<String> variables() {
    return variables;
  }

  /** The value under {@code assignment} (bit i = variable i). */
  boolean evaluate(long assignment) {
    return evaluate(root, assignment);
  }

  private static boolean evaluate(Node n, long a) {
    if (n instanceof Var v) {
      return (a >>> v.index() & 1) != 0;
    }
    if (n instanceof Const c) {
      return c.value();
    }
    if (n instanceof Not not) {
      return !evaluate(not.operand(), a);
    }
    if (n instanceof And and) {
      return evaluate(and.left(), a) && evaluate(and.right(), a);
    }
    Or or = (Or) n;
    return evaluate(or.left(), a) || evaluate(or.right(), a);
  }

  /** The number of AND and OR gates on the longest path from the root to a leaf. */
  int depth() {
    return depth(root);
  }

  static int depth(Node n) {
    if (n instanceof Not not) {
      return depth(not.operand());
    }
    if (n instanceof And and) {
      return 1 + Math.max(depth(and.left()), depth(and.right()));
    }
    if (n instanceof Or or) {
      return 1 + Math.max(depth(or.left()), depth(or.right()));
    }
    return 0;
  }

  /**
   * The formula in the syntax above, parenthesized so that it parses back to the same tree: an
   * operand that is a gate of the other kind, or a right operand of the same kind, gets
   * parentheses, so {@code (x1 & !x2) | x3} prints as written.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    print(root, sb);
    return sb.toString();
  }

  private void print(Node n, StringBuilder sb) {
    if (n instanceof Var v) {
      sb.append(variables.get(v.index()));
    } else if (n instanceof Const c) {
      sb.append(c.value() ? '1' : '0');
    } else if (n instanceof Not not) {
      sb.append('!');
      operand(not.operand(), sb, true);
    } else {
      boolean isAnd = n instanceof And;
      Node left = isAnd ? ((And) n).left() : ((Or) n).left();
      Node right = isAnd ? ((And) n).right() : ((Or) n).right();
      operand(left, sb, isAnd != (left instanceof And));
      sb.append(isAnd ? " & " : " | ");
      operand(right, sb, true);
    }
  }

  /** Prints an operand; a gate operand gets parentheses when {@code parenthesizeGate}. */
  private void operand(Node n, StringBuilder sb, boolean parenthesizeGate) {
    boolean gate = n instanceof And || n instanceof Or;
    sb.append(gate && parenthesizeGate ? "(" : "");
    print(n, sb);
    sb.append(gate && parenthesizeGate ? ")" : "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BooleanFormula f && root.equals(f.root) && variables.equals(f.variables);
  }

  @Override
  public int hashCode() {
    return 31 * root.hashCode() + variables.hashCode();
  }

  /** Recursive descent over the grammar above. */
  private static final class Parser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NATURAL = Pattern.compile("([^0-9]*)([0-9]*)");

    private final String text;
    private int pos;
    private final List<String> names = new ArrayList<>();
    private int nesting;

    Parser(String text) {
      this.text = text;
    }

    BooleanFormula parse() {
      skipSpace();
      if (pos == text.length()) {
        throw error("the formula is empty");
      }
      Node root = or();
      skipSpace();
      if (pos < text.length()) {
        throw error(
            text.charAt(pos) == ')'
                ? "unmatched ')' at column " + (pos + 1)
                : "expected '&', '|' or the end at column "
                    + (pos + 1)
                    + " but found '"
                    + token()
                    + "'");
      }
      if (names.size() > MAX_VARIABLES) {
        throw error(names.size() + " variables, at most " + MAX_VARIABLES + " are supported");
      }
      List<String> sorted = new ArrayList<>(names);
      sorted.sort(
          Comparator.comparing(Parser::prefix).thenComparing(Parser::number).thenComparing(s -> s));
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < sorted.size(); i++) {
        index.put(sorted.get(i), i);
      }
      return new BooleanFormula(renumber(root, index), sorted);
    }

    private static String prefix(String name) {
      Matcher m = NATURAL.matcher(name);
      return m.matches() ? m.group(1) : name;
    }

    private static BigInteger number(String name) {
      Matcher m = NATURAL.matcher(name);
      return m.matches() && !m.group(2).isEmpty()
          ? new BigInteger(m.group(2))
          : BigInteger.valueOf(-1);
    }

    private Node renumber(Node n, Map<String, Integer> index) {
      if (n instanceof Var v) {
        return new Var(index.get(names.get(v.index())));
      }
      if (n instanceof Not not) {
        return new Not(renumber(not.operand(), index));
      }
      if (n instanceof And and) {
        return new And(renumber(and.left(), index), renumber(and.right(), index));
      }
      if (n instanceof Or or) {
        return new Or(renumber(or.left(), index), renumber(or.right(), index));
      }
      return n;
    }

    private Node or() {
      Node left = and();
      while (accept("||") || accept("|")) {
        left = new Or(left, and());
      }
      return left;
    }

    private Node and() {
      Node left = unary();
      while (accept("&&") || accept("&")) {
        left = new And(left, unary());
      }
      return left;
    }

    private Node unary() {
      if (++nesting > MAX_NESTING) {
        throw error("parentheses and negations nest deeper than " + MAX_NESTING + " levels");
      }
      Node n = primary();
      nesting--;
      return n;
    }

    private Node primary() {
      skipSpace();
      if (pos == text.length()) {
        throw error(
            "the formula ends early: expected a variable, '!', '(' or a constant at column "
                + (pos + 1));
      }
      char c = text.charAt(pos);
      if (c == '!' || c == '~') {
        pos++;
        return new Not(unary());
      }
      if (c == '(') {
        int open = pos;
        pos++;
        Node inner = or();
        skipSpace();
        if (pos == text.length() || text.charAt(pos) != ')') {
          throw error(
              pos == text.length()
                  ? "'(' at column " + (open + 1) + " is never closed"
                  : "expected ')' at column " + (pos + 1) + " but found '" + token() + "'");
        }
        pos++;
        return inner;
      }
      if (c == '0' || c == '1') {
        pos++;
        if (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
          throw error("bad constant at column " + pos + ": only 0 and 1 are constants");
        }
        return new Const(c == '1');
      }
      Matcher m = NAME.matcher(text).region(pos, text.length());
      if (m.lookingAt()) {
        String name = m.group();
        pos = m.end();
        int i = names.indexOf(name);
        if (i < 0) {
          names.add(name);
          i = names.size() - 1;
        }
        return new Var(i);
      }
      throw error(
          "expected a variable, '!', '(' or a constant at column "
              + (pos + 1)
              + " but found '"
              + token()
              + "'");
    }

    private boolean accept(String op) {
      skipSpace();
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return true;
      }
      return false;
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private String token() {
      int end = pos + 1;
      Matcher m = NAME.matcher(text).region(pos, text.length());
      if (m.lookingAt()) {
        end = m.end();
      }
      return text.substring(pos, Math.min(end, text.length()));
    }

    private IllegalArgumentException error(String what) {
      String shown = text.strip().replaceAll("\\s+", " ");
      if (shown.length() > 60) {
        shown = shown.substring(0, 57) + "...";
      }
      return new IllegalArgumentException("bad formula '" + shown + "': " + what);
    }
  }
}
