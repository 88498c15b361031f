package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import illusion.group.FiniteGroup;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.word.PrefixProducts;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChessReductionProperties {
  private static final FiniteGroup S5 = Transpositions.S5;

  /**
   * Prop 3.3 (chess): every ply of the game of an S5 word is a legal move, and after element t the
   * rook that started on a8 stands on file s_t^-1(a), s_t the prefix product; every piece on a8..e8
   * started on file s_t(q).
   */
  @Property(tries = 100)
  void rookSquareIsThePrefixProduct(@ForAll("words") int[] word) {
    ChessBoard board = ChessBoard.fromFen(ChessReduction.START_FEN);
    int rook = board.pieceOn("a8");
    int[] startFile = new int[board.pieceOn("e8") + 1];
    for (int q = 0; q < 5; q++) {
      startFile[board.pieceOn((char) ('a' + q) + "8")] = q;
    }
    int[] prefix = PrefixProducts.of(S5, word);
    List<? extends List<String>> game = ChessReduction.game(word);
    for (int t = 0; t < word.length; t++) {
      assertEquals(12 * Transpositions.swaps(word[t]).length, game.get(t).size());
      for (String ply : game.get(t)) {
        board.play(ply); // throws if illegal
      }
      int[] cameFrom = new int[5];
      for (int q = 0; q < 5; q++) {
        cameFrom[q] = startFile[board.pieceOn((char) ('a' + q) + "8")];
      }
      assertArrayEquals(S5.permutationRepresentation()[prefix[t]], cameFrom);
      int expectedFile = -1;
      for (int q = 0; q < 5; q++) {
        if (S5.permutationRepresentation()[prefix[t]][q] == 0) {
          expectedFile = q;
        }
      }
      assertEquals((char) ('a' + expectedFile) + "8", board.squareOf(rook));
      assertEquals(expectedFile, ChessReduction.rookFile(prefix[t]));
    }
  }

  /** ids4 (Thm 5.2) and the board agree: the rook's final file is s_n^-1(a) from ids4's label. */
  @Property(tries = 30)
  void ids4AgreesWithTheBoard(@ForAll("words") int[] word) {
    int[] labels = Evaluator.of(ConstructedModels.build("ids4", S5, word.length)).labels(word);
    ChessBoard board = ChessBoard.fromFen(ChessReduction.START_FEN);
    int rook = board.pieceOn("a8");
    ChessReduction.game(word).forEach(plies -> plies.forEach(board::play));
    assertEquals(
        (char) ('a' + ChessReduction.rookFile(labels[labels.length - 1])) + "8",
        board.squareOf(rook));
  }

  @Provide
  Arbitrary<int[]> words() {
    return S5Words.words(10);
  }
}
