package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChessBoardTest {

  private static String refusal(ChessBoard b, String move) {
    String fen = b.fen();
    String message = assertThrows(IllegalArgumentException.class, () -> b.play(move)).getMessage();
    assertEquals(fen, b.fen(), "a refused move leaves the position unchanged");
    return message;
  }

  @Test
  void openingMovesAndTheirRules() {
    ChessBoard b = ChessBoard.fromFen("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w - -");
    assertTrue(refusal(b, "e7e5").contains("no white piece on e7"));
    assertTrue(refusal(b, "a1a3").contains("path is blocked on a2"));
    assertTrue(refusal(b, "g1g3").contains("knight moves in an L"));
    assertTrue(refusal(b, "e2e5").contains("pawn"));
    assertTrue(refusal(b, "d1d2").contains("its own piece"));
    b.play("e2e4");
    b.play("e7e5");
    b.play("g1f3");
    b.play("b8c6");
    b.play("f1b5");
    b.play("a7a6");
    b.play("b5c6"); // bishop takes knight
    assertTrue(refusal(b, "c6c5").contains("no black piece on c6"));
    b.play("d7c6"); // pawn takes bishop
    assertEquals(8, b.plies());
    assertEquals("r1bqkbnr/1pp2ppp/p1p5/4p3/4P3/5N2/PPPP1PPP/RNBQK2R w - -", b.fen());
  }

  @Test
  void pinnedPieceMayNotExposeItsKing() {
    // White rook e1 pins the black knight on e5 to the king on e8.
    ChessBoard b = ChessBoard.fromFen("4k3/8/8/4n3/8/8/8/4R1K1 b - -");
    assertTrue(refusal(b, "e5c4").contains("leaves the black king in check"));
    b.play("e8d8");
    assertEquals("3k4/8/8/4n3/8/8/8/4R1K1 w - -", b.fen());
  }

  @Test
  void kingMayNotStepIntoCheck() {
    ChessBoard b = ChessBoard.fromFen("4k3/8/8/8/8/8/8/3RK3 b - -");
    assertTrue(refusal(b, "e8d8").contains("leaves the black king in check"));
    assertTrue(refusal(b, "e8e6").contains("a king moves one square"));
    b.play("e8f7");
    assertTrue(refusal(b, "d1d9").contains("not a move"));
  }

  @Test
  void unsupportedRulesAreNamed() {
    ChessBoard b = ChessBoard.fromFen("4k3/P7/8/8/8/8/8/4K2R w - -");
    assertTrue(refusal(b, "e1g1").contains("castling is not supported"));
    assertTrue(refusal(b, "a7a8").contains("promotion is not supported"));
    assertThrows(
        IllegalArgumentException.class, () -> ChessBoard.fromFen("4k3/8/8/8/8/8/8/4K2R w K -"));
    assertThrows(
        IllegalArgumentException.class, () -> ChessBoard.fromFen("8/8/8/8/8/8/8/4K3 w - -"));
  }

  @Test
  void identitiesFollowThePieces() {
    ChessBoard b = ChessBoard.fromFen(ChessReduction.START_FEN);
    int rook = b.pieceOn("a8");
    assertEquals(ChessBoard.Kind.ROOK, b.kind(rook));
    // The paper's sequence for items 1 and 3.
    assertEquals(
        java.util.List.of(
            "a8a7", "a1b1", "c8c6", "b1a1", "a7c7", "a1b1", "c6a6", "b1a1", "c7c8", "a1b1", "a6a8",
            "b1a1"),
        ChessReduction.swap(0, 2));
    for (String ply : ChessReduction.swap(0, 3)) {
      b.play(ply);
    }
    assertEquals("d8", b.squareOf(rook));
    assertEquals("qqqrq3/8/8/8/8/8/PP6/K6k b - -", b.fen());
  }
}
