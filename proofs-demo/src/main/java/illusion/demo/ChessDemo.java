package illusion.demo;

import illusion.group.FiniteGroup;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.word.PrefixProducts;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code illusion demo chess}: Prop 3.3, tracking chess in source-target notation is as hard as the
 * S5 word problem. An S5 word becomes a game ({@link ChessReduction}); a board tracker replays it,
 * checking every move's legality, and where the rook stands after each element agrees with the
 * prefix product and with the {@code ids4} layer.
 */
final class ChessDemo implements Demo {
  static final int DEFAULT_LENGTH = 5;
  static final int MAX_LENGTH = 12;

  @Override
  public String name() {
    return "chess";
  }

  @Override
  public String summary() {
    return "Prop 3.3: S5 words as chess moves (a8a7); where is the rook?";
  }

  @Override
  public Set<DemoOptions.Option> accepts() {
    return Set.of(DemoOptions.Option.LENGTH);
  }

  @Override
  public DemoReport run(DemoOptions options, Progress progress) {
    int n = options.length(DEFAULT_LENGTH, 1, MAX_LENGTH);
    FiniteGroup s5 = Transpositions.S5;
    int[] word = DemoWords.one(s5, n, options.seed());
    int[] prefix = PrefixProducts.of(s5, word);
    int[] labels = Evaluator.of(ConstructedModels.build("ids4", s5, n)).labels(word);
    List<? extends List<String>> game = ChessReduction.game(word);

    DemoReport.Builder report = DemoReport.builder("Chess in source-target notation (Prop 3.3)");
    report.paragraph(
        "In source-target (UCI) notation a move names two squares, a8a7, not the piece. The"
            + " paper's reduction puts a black rook on a8 and black queens on b8-e8: five pieces"
            + " for the five points of S5. Swapping the pieces on files i and j is a fixed"
            + " 12-move sequence (black: i8i7, j8j6, i7j7, j6i6, j7j8, i6i8, each answered by the"
            + " white king stepping a1b1 or b1a1 behind its pawns), and an S5 element is a few"
            + " swaps. So every S5 word becomes a game, after which the rook stands on file"
            + " s^-1(a), s the word's product. The rook and the queens make identical moves: to"
            + " say where the rook is, one must compose the permutations. Tracking chess this way"
            + " is therefore NC1-complete (Prop 3.3), out of reach for S4 and Mamba layers of"
            + " fixed depth unless TC0 = NC1 (Cor 4.7), while ids4 tracks it.");
    ChessBoard board = ChessBoard.fromFen(ChessReduction.START_FEN);
    String startDiagram = board.diagram();
    int rook = board.pieceOn("a8");
    int[] startFile = new int[64];
    Arrays.fill(startFile, -1);
    for (int q = 0; q < Transpositions.POINTS; q++) {
      startFile[board.pieceOn(file(q) + "8")] = q;
    }
    report.paragraph(
        "The word (seed "
            + options.seed()
            + "; points 1..5 are the files a..e): "
            + DemoWords.format(s5, word)
            + ". Start position (FEN `"
            + ChessReduction.START_FEN
            + "`):");

    StringBuilder moves = new StringBuilder();
    DemoReport.TableBuilder table =
        DemoReport.Table.builder()
            .numberColumn("t")
            .column("x_t")
            .numberColumn("moves")
            .column("a8-e8 came from")
            .column("rook on")
            .column("ids4: s_t")
            .column("s_t^-1(a)")
            .column("agree");
    String refused = null;
    int played = 0;
    boolean boardMatches = true;
    boolean rookMatches = true;
    boolean ids4Matches = Arrays.equals(labels, prefix);
    for (int t = 0; t < n && refused == null; t++) {
      List<String> plies = game.get(t);
      int[][] swaps = Transpositions.swaps(word[t]);
      if (swaps.length == 0) {
        moves.append(String.format("t=%d identity: no moves%n", t + 1));
      }
      for (int k = 0; k < swaps.length; k++) {
        moves.append(
            String.format(
                "t=%d %s8<>%s8: %s%n",
                t + 1,
                file(swaps[k][0]),
                file(swaps[k][1]),
                String.join(
                    " ",
                    plies.subList(
                        k * ChessReduction.PLIES_PER_SWAP,
                        (k + 1) * ChessReduction.PLIES_PER_SWAP))));
      }
      for (String ply : plies) {
        try {
          board.play(ply);
          played++;
        } catch (IllegalArgumentException e) {
          refused = "ply " + (played + 1) + " refused: " + e.getMessage();
          break;
        }
      }
      if (refused != null) {
        break;
      }
      int[] cameFrom = new int[Transpositions.POINTS];
      StringBuilder files = new StringBuilder();
      for (int q = 0; q < Transpositions.POINTS; q++) {
        int p = board.pieceOn(file(q) + "8");
        cameFrom[q] = p < 0 ? -1 : startFile[p];
        files.append(q == 0 ? "" : " ").append(cameFrom[q] < 0 ? "?" : file(cameFrom[q]));
      }
      boolean same = Arrays.equals(cameFrom, Transpositions.images(prefix[t]));
      String rookSquare = board.squareOf(rook);
      String expected = file(ChessReduction.rookFile(labels[t])) + "8";
      boolean rookOk = expected.equals(rookSquare);
      boardMatches &= same;
      rookMatches &= rookOk;
      table.row(
          t + 1,
          s5.format(word[t]),
          plies.size(),
          files,
          rookSquare,
          oneLine(labels[t]),
          expected,
          same && rookOk && labels[t] == prefix[t] ? "yes" : "NO");
    }
    int total = game.stream().mapToInt(List::size).sum();
    report.preformatted(sideBySide(startDiagram, board.diagram(), "start", "after the game"));
    report.paragraph("The game, one line per swap (black's move first, then white's):");
    report.preformatted(moves.toString());
    report.paragraph(
        "After each element: the files the pieces on a8-e8 started on (the tracker follows each"
            + " piece), the rook's square, and what ids4 computes: s_t in one-line form (s_t(a) ..."
            + " s_t(e)) and the square s_t^-1(a) where the rook must be.");
    report.table(table);
    report.check(
        refused == null && played == total,
        refused != null
            ? "the tracker refused a move: " + refused
            : "the tracker replayed all "
                + total
                + " plies as legal chess moves (right side to move, clear paths, no king left in"
                + " check)");
    report.check(
        refused == null && boardMatches,
        "after every element the pieces on a8-e8 came from the files s_t(a) .. s_t(e), s_t the"
            + " prefix product computed in S5");
    report.check(
        refused == null && rookMatches,
        "after every element the rook stands on s_t^-1(a), computed from ids4's label");
    report.check(ids4Matches, "ids4's labels equal the prefix products at every t = 1.." + n);
    return report.build();
  }

  private static String file(int q) {
    return String.valueOf((char) ('a' + q));
  }

  /** s in one-line form with files as letters: s(a) s(b) ... s(e). */
  private static String oneLine(int s) {
    StringBuilder sb = new StringBuilder();
    for (int img : Transpositions.images(s)) {
      sb.append(sb.length() == 0 ? "" : " ").append(file(img));
    }
    return sb.toString();
  }

  private static String sideBySide(String left, String right, String leftTitle, String rightTitle) {
    String[] l = left.split("\n");
    String[] r = right.split("\n");
    int width = Arrays.stream(l).mapToInt(String::length).max().orElse(0) + 6;
    StringBuilder sb = new StringBuilder();
    sb.append(pad("   " + leftTitle, width)).append("   ").append(rightTitle).append('\n');
    for (int i = 0; i < l.length; i++) {
      sb.append(pad(l[i], width)).append(r[i]).append('\n');
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
