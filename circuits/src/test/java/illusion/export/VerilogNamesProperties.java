package illusion.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link VerilogNames} against a regular-expression model of its contract, on names drawn from the
 * characters at the edges of {@code [A-Za-z0-9_]} ({@code ` a z {  @ A Z [  / 0 9 :  _}) and a few
 * others, long enough to be cut.
 */
class VerilogNamesProperties {
  private static final int MAX_LENGTH = 120;
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Provide
  Arbitrary<List<String>> names() {
    Arbitrary<String> name =
        Arbitraries.strings().withChars("`az{@AZ[/09:_-. \u00e9").ofMinLength(0).ofMaxLength(130);
    return name.list().ofMinSize(1).ofMaxSize(8);
  }

  /**
   * The model: in {@code prefix + name}, a run of characters outside {@code [A-Za-z0-9_]} becomes
   * one {@code _} when a letter or digit precedes it and an identifier character follows it, and
   * disappears otherwise; the result is cut to 120 characters.
   */
  static String sanitized(String prefix, String name) {
    String s =
        (prefix + name)
            .replaceAll("(?<=[A-Za-z0-9])[^A-Za-z0-9_]+(?=[A-Za-z0-9_])", "_")
            .replaceAll("[^A-Za-z0-9_]+", "");
    return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH);
  }

  /**
   * Each claim is the model's sanitized name, or, when taken, that name with the first suffix
   * {@code _2}, {@code _3}, ... not taken; so all claims are distinct.
   */
  @Property(tries = 300)
  void claimsFollowTheModelAndAreDistinct(@ForAll("names") List<String> names) {
    VerilogNames verilog = new VerilogNames();
    Set<String> taken = new HashSet<>();
    for (String name : names) {
      String expected = sanitized("p_", name);
      for (int k = 2; taken.contains(expected); k++) {
        expected = sanitized("p_", name) + "_" + k;
      }
      taken.add(expected);
      assertEquals(expected, verilog.claim("p_", name), name);
    }
  }

  /**
   * isIdentifier: non-empty, at most 120 characters, {@code [A-Za-z_][A-Za-z0-9_]*} (the alphabet
   * here spells no keyword).
   */
  @Property(tries = 300)
  void identifiersFollowTheModel(@ForAll("names") List<String> names) {
    for (String s : names) {
      boolean expected = s.length() <= MAX_LENGTH && IDENTIFIER.matcher(s).matches();
      assertEquals(expected, VerilogNames.isIdentifier(s), s);
    }
  }

  /** A run sanitized into "_" just before the limit does not push the name past 120 characters. */
  @Example
  void cutExactlyAtTheLimit() {
    String name = "y".repeat(MAX_LENGTH - 1) + "!z";
    assertEquals("y".repeat(MAX_LENGTH - 1) + "_", new VerilogNames().claim("", name));
    assertEquals(sanitized("", name), new VerilogNames().claim("", name));
  }

  /** Comments keep printable ASCII (0x20 to 0x7e) and escape everything else as {@code \\uXXXX}. */
  @Example
  void commentsKeepExactlyPrintableAscii() {
    for (char ch = 0; ch < 0x100; ch++) {
      String expected = ch >= ' ' && ch <= '~' ? String.valueOf(ch) : String.format("\\u%04x", (int) ch);
      assertEquals(expected, VerilogNames.forComment(String.valueOf(ch)), "character " + (int) ch);
    }
  }
}
