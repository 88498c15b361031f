package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * The reduction of Prop 3.3 from the S5 word problem to tracking chess in source-target notation,
 * as this project constructs it.
 *
 * <p><b>Position</b> ({@link #START_FEN}): a black rook on a8 and black queens on b8, c8, d8, e8
 * stand for the five points 0..4 of S5 (files a..e); the black king is on h8; the white king on h1
 * sits behind pawns on f2, g2, h2, which block every diagonal from the black pieces' squares to
 * h1 and g1. Black is to move.
 *
 * <p><b>Moves.</b> Each S5 element is written as swaps ({@link Transpositions#swaps}), and the
 * swap of the pieces on files i &lt; j is a fixed sequence of 12 plies, black first, white's king
 * stepping h1-g1 and back in between:
 *
 * <pre>
 *   i8i6 h1g1  j8j7 g1h1  j7i7 h1g1  i7i8 g1h1  i6j6 h1g1  j6j8 g1h1
 * </pre>
 *
 * The piece from i8 waits on i6 while the piece from j8 goes round by rank 7 to i8, then it
 * returns by rank 6 to j8. Ranks 6 and 7 are empty between swaps, so every path is clear; the
 * rook and the queens make exactly the same moves, and the notation names only squares, so the
 * moves say nothing about where the rook is.
 *
 * <p><b>Answer.</b> After a word with prefix product s_t the piece on file q started on file
 * s_t(q) (see {@link Transpositions}); in particular the rook stands on file s_t^-1(0). Barrington's
 * programs (see {@link BranchingProgram}) yield either the identity or a 5-cycle, which moves 0, so
 * "is the rook back on a8?" already decides an NC1-complete problem.
 *
 * <p>Draw rules that end a game by repetition or move count (threefold/fivefold repetition, the
 * 50/75-move rules) are not modelled, as in the paper's state-tracking setting.
 */
final class ChessReduction {
  /** The starting position: black to move. */
  static final String START_FEN = "rqqqq2k/8/8/8/8/8/5PPP/7K b - -";

  /** Plies per swap. */
  static final int PLIES_PER_SWAP = 12;

  private static final String[] WHITE = {"h1g1", "g1h1"};

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
      a + "8" + a + "6", b + "8" + b + "7", b + "7" + a + "7", a + "7" + a + "8", a + "6" + b + "6",
      b + "6" + b + "8"
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
