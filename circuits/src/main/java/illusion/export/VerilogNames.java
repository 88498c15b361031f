package illusion.export;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns circuit names into distinct Verilog identifiers, deterministically: a run of characters
 * outside {@code [A-Za-z0-9_]} becomes one {@code _}, a prefix keeps ports apart from internal
 * wires and from keywords, long names are cut, and a clash gets the first free suffix {@code _2},
 * {@code _3}, ...
 */
final class VerilogNames {
  /** Identifier length kept before a de-duplicating suffix (Verilog tools accept at least 1024). */
  private static final int MAX_LENGTH = 120;

  private final Set<String> used = new HashSet<>();

  /** A fresh identifier {@code prefix + sanitized(name)}, distinct from all returned before. */
  String claim(String prefix, String name) {
    StringBuilder sb = new StringBuilder(prefix.length() + name.length());
    sb.append(prefix);
    boolean pendingUnderscore = false;
    for (int i = 0; i < name.length() && sb.length() < MAX_LENGTH; i++) {
      char ch = name.charAt(i);
      boolean ok =
          (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
              || ch == '_';
      if (!ok) {
        pendingUnderscore = true;
        continue;
      }
      if (pendingUnderscore && sb.charAt(sb.length() - 1) != '_') {
        sb.append('_');
      }
      pendingUnderscore = false;
      sb.append(ch);
    }
    // a pending '_' and the character after it may pass the limit by one: cut to it
    sb.setLength(Math.min(sb.length(), MAX_LENGTH));
    String base = sb.toString();
    if (used.add(base)) {
      return base;
    }
    for (int k = 2; ; k++) {
      String candidate = base + "_" + k;
      if (used.add(candidate)) {
        return candidate;
      }
    }
  }

  /** A circuit name made safe for a {@code //} comment: printable ASCII, others as {@code \\uXXXX}. */
  static String forComment(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch >= 0x20 && ch < 0x7f) {
        sb.append(ch);
      } else {
        sb.append(String.format("\\u%04x", (int) ch));
      }
    }
    return sb.toString();
  }

  /** Whether {@code s} is a simple Verilog identifier (used to validate a module name). */
  static boolean isIdentifier(String s) {
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return false;
    }
    char first = s.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || ch == '_')) {
        return false;
      }
    }
    return !KEYWORDS.contains(s);
  }

  /** The reserved words of IEEE 1800-2017 (SystemVerilog, a superset of Verilog-2005). */
  private static final Set<String> KEYWORDS =
      Set.of(
          ("accept_on alias always always_comb always_ff always_latch and assert assign assume "
              + "automatic before begin bind bins binsof bit break buf bufif0 bufif1 byte case "
              + "casex casez cell chandle checker class clocking cmos config const constraint "
              + "context continue cover covergroup coverpoint cross deassign default defparam "
              + "design disable dist do edge else end endcase endchecker endclass endclocking "
              + "endconfig endfunction endgenerate endgroup endinterface endmodule endpackage "
              + "endprimitive endprogram endproperty endspecify endsequence endtable endtask enum "
              + "event eventually expect export extends extern final first_match for force "
              + "foreach forever fork forkjoin function generate genvar global highz0 highz1 if "
              + "iff ifnone ignore_bins illegal_bins implements implies import incdir include "
              + "initial inout input inside instance int integer interconnect interface intersect "
              + "join join_any join_none large let liblist library local localparam logic longint "
              + "macromodule matches medium modport module nand negedge nettype new nexttime nmos "
              + "nor noshowcancelled not notif0 notif1 null or output package packed parameter "
              + "pmos posedge primitive priority program property protected pull0 pull1 pulldown "
              + "pullup pulsestyle_ondetect pulsestyle_onevent pure rand randc randcase "
              + "randsequence rcmos real realtime ref reg reject_on release repeat restrict "
              + "return rnmos rpmos rtran rtranif0 rtranif1 s_always s_eventually s_nexttime "
              + "s_until s_until_with scalared sequence shortint shortreal showcancelled signed "
              + "small soft solve specify specparam static string strong strong0 strong1 struct "
              + "super supply0 supply1 sync_accept_on sync_reject_on table tagged task this "
              + "throughout time timeprecision timeunit tran tranif0 tranif1 tri tri0 tri1 triand "
              + "trior trireg type typedef union unique unique0 unsigned until until_with untyped "
              + "use uwire var vectored virtual void wait wait_order wand weak weak0 weak1 while "
              + "wildcard wire with within wor xnor xor")
              .split(" "));
}
