package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * The reduction of Prop 3.3 from the S5 word problem to tracking chess moves in UCI (source-target)
 * notation, following the paper's proof.
 *
 * <p><b>Position</b> ({@link #START_FEN}): a black rook on a8 and black queens on b8, c8, d8, e8
 * stand for the five points 0..4 of S5 (files a..e); the white king on a1 sits behind white pawns
 * on a2 and b2, the black king is on h1. Black is to move.
 *
 * <p><b>Moves.</b> Each S5 element is factored into transpositions ({@link Transpositions#swaps}),
 * and the transposition of the pieces on files i &lt; j is the fixed sequence of 12 plies of the
 * paper (there for a8 and c8), black first, the white king stepping a1-b1 and back in between:
 *
 * <pre>
 *   i8i7 a1b1  j8j6 b1a1  i7j7 a1b1  j6i6 b1a1  j7j8 a1b1  i6i8 b1a1
 * </pre>
 *
 * The piece from i8 goes round by rank 7 to j8, the piece from j8 by rank 6 to i8. Ranks 6 and 7
 * are empty between swaps, so every path is clear, and the pawns shield the white king's squares.
 * The rook and the queens make the same moves, and the notation names only squares, so the moves
 * say nothing about where the rook is.
 *
 * <p><b>Answer.</b> After a word with prefix product s_t the piece on file q started on file s_t(q)
 * (see {@link Transpositions}); in particular the rook stands on file s_t^-1(0), and the paper's
 * decision variant asks whether it is back on a8. Barrington's programs (see {@link
 * BranchingProgram}) yield either the identity or a 5-cycle, which moves 0, so that one question
 * already decides an NC1-complete problem.
 *
 * <p>As in the paper, draws by repetition or by move count are ignored.
 */
final class ChessReduction {
  /** The starting position: black to move. */
  static final String START_FEN = "rqqqq3/8/8/8/8/8/PP6/K6k b - -";

  /** Plies per swap. */
  static final int PLIES_PER_SWAP = 12;

  private static final String[] WHITE = {"a1b1", "b1a1"};

  private ChessReduction() {}

  /** The 12 plies that swap the pieces on files i and j of rank 8 (0 = a, ..., 4 = e). */
  static ImmutableList<String> swap(int i, int j) {
    checkArgument(
        i != j && i >= 0 && j >= 0 && i < Transpositions.POINTS && j < Transpositions.POINTS,
        "not a swap of two of the files a..e: %s %s",
        i,
        j);
    char a = (char) ('a' + Math.min(i, j));
    char b = (char) ('a' + Math.max(i, j));
    String[] black = {
      a + "8" + a + "7",
      b + "8" + b + "6",
      a + "7" + b + "7",
      b + "6" + a + "6",
      b + "7" + b + "8",
      a + "6" + a + "8"
    };
    ImmutableList.Builder<String> plies = ImmutableList.builder();
    for (int k = 0; k < black.length; k++) {
      plies.add(black[k]).add(WHITE[k % 2]);
    }
    return plies.build();
  }

  /** The plies of one S5 element: its swaps' sequences in order (none for the identity). */
  static ImmutableList<String> element(int x) {
    ImmutableList.Builder<String> plies = ImmutableList.builder();
    for (int[] s : Transpositions.swaps(x)) {
      plies.addAll(swap(s[0], s[1]));
    }
    return plies.build();
  }

  /** The plies of each element of an S5 word. */
  static List<ImmutableList<String>> game(int[] word) {
    List<ImmutableList<String>> game = new ArrayList<>();
    for (int x : word) {
      game.add(element(x));
    }
    return game;
  }

  /** The file (0 = a) of the rook, which started on a8, once the prefix product is s. */
  static int rookFile(int s) {
    return Transpositions.placeOf(s, 0);
  }
}
