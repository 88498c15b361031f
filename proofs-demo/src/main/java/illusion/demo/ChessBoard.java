package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Locale;

/**
 * A chess position that replays moves in source-target notation ({@code b8b6}) and refuses any move
 * that is not legal: the side to move must own the piece on the source square, the piece must be
 * able to reach the target (its movement rule, a clear path for queens, rooks and bishops, pawn
 * pushes and captures), the target must not hold an own piece or a king, and the mover's king must
 * not be in check afterwards. Castling, en passant and promotion are outside its scope and refused
 * with a message saying so (the reduction never needs them).
 *
 * <p>Besides the position it tracks each piece's identity (its number in the FEN's placement
 * order), which the position itself does not show: identical pieces (the queens) are told apart
 * only by the tracker. Mutable; not thread-safe.
 */
final class ChessBoard {
  /** Piece kinds, by their FEN letter. */
  enum Kind {
    KING('k'),
    QUEEN('q'),
    ROOK('r'),
    BISHOP('b'),
    KNIGHT('n'),
    PAWN('p');

    final char letter;

    Kind(char letter) {
      this.letter = letter;
    }

    static Kind of(char c) {
      for (Kind k : values()) {
        if (k.letter == Character.toLowerCase(c)) {
          return k;
        }
      }
      return null;
    }
  }

  private static final int EMPTY = -1;

  /** Per square (a1 = 0, b1 = 1, ..., h8 = 63): the piece number, or EMPTY. */
  private final int[] pieceOn = new int[64];

  /** Per piece number: kind, colour, square. */
  private final Kind[] kind;

  private final boolean[] white;
  private final int[] square;
  private boolean whiteToMove;
  private int plies;

  private ChessBoard(int pieces) {
    Arrays.fill(pieceOn, EMPTY);
    kind = new Kind[pieces];
    white = new boolean[pieces];
    square = new int[pieces];
  }

  /**
   * The position of a FEN string's first two fields (placement, side to move); castling and en
   * passant fields, if present, must be {@code -}. Pieces are numbered in the order the placement
   * lists them (rank 8 first, files a to h).
   *
   * @throws IllegalArgumentException for malformed FEN or a position without exactly one king per
   *     side
   */
  static ChessBoard fromFen(String fen) {
    String[] fields = fen.strip().split("\\s+");
    checkArgument(fields.length >= 2, "FEN '%s' needs a placement and a side to move", fen);
    checkArgument(
        fields.length < 3 || fields[2].equals("-"), "FEN '%s': castling is not supported", fen);
    checkArgument(
        fields.length < 4 || fields[3].equals("-"), "FEN '%s': en passant is not supported", fen);
    String[] ranks = fields[0].split("/", -1);
    checkArgument(ranks.length == 8, "FEN '%s' must have 8 ranks", fen);
    int count = (int) fields[0].chars().filter(Character::isLetter).count();
    ChessBoard b = new ChessBoard(count);
    int n = 0;
    for (int r = 0; r < 8; r++) {
      int rank = 7 - r;
      int file = 0;
      for (char c : ranks[r].toCharArray()) {
        if (c >= '1' && c <= '8') {
          file += c - '0';
        } else {
          Kind k = Kind.of(c);
          checkArgument(k != null && file < 8, "FEN '%s': bad rank '%s'", fen, ranks[r]);
          b.kind[n] = k;
          b.white[n] = Character.isUpperCase(c);
          b.square[n] = rank * 8 + file;
          b.pieceOn[rank * 8 + file] = n;
          n++;
          file++;
        }
      }
      checkArgument(file == 8, "FEN '%s': rank '%s' does not have 8 squares", fen, ranks[r]);
    }
    checkArgument(
        fields[1].equals("w") || fields[1].equals("b"),
        "FEN '%s': side to move must be w or b",
        fen);
    b.whiteToMove = fields[1].equals("w");
    checkArgument(
        b.count(Kind.KING, true) == 1 && b.count(Kind.KING, false) == 1,
        "FEN '%s' must have one king per side",
        fen);
    checkArgument(
        !b.attacked(b.king(!b.whiteToMove), b.whiteToMove),
        "FEN '%s': the side not to move is in check",
        fen);
    return b;
  }

  /**
   * Plays {@code move} ({@code [a-h][1-8][a-h][1-8]}) for the side to move.
   *
   * @throws IllegalArgumentException naming the move and the rule it breaks; the position is
   *     unchanged then
   */
  void play(String move) {
    checkArgument(
        move.matches("[a-h][1-8][a-h][1-8]"),
        "'%s' is not a move in source-target notation such as b8b6",
        move);
    int from = square(move.substring(0, 2));
    int to = square(move.substring(2, 4));
    int p = pieceOn[from];
    String side = whiteToMove ? "white" : "black";
    if (p == EMPTY || white[p] != whiteToMove) {
      throw illegal(move, "no " + side + " piece on " + move.substring(0, 2));
    }
    int target = pieceOn[to];
    if (target != EMPTY && white[target] == whiteToMove) {
      throw illegal(move, "its own piece stands on " + move.substring(2, 4));
    }
    if (target != EMPTY && kind[target] == Kind.KING) {
      throw illegal(move, "a king cannot be captured");
    }
    String why = reach(p, from, to, target != EMPTY);
    if (why != null) {
      throw illegal(move, why);
    }
    // Make the move, test the mover's king, undo if it is attacked.
    pieceOn[from] = EMPTY;
    pieceOn[to] = p;
    square[p] = to;
    if (target != EMPTY) {
      square[target] = EMPTY;
    }
    if (attacked(king(whiteToMove), !whiteToMove)) {
      pieceOn[to] = target;
      pieceOn[from] = p;
      square[p] = from;
      if (target != EMPTY) {
        square[target] = to;
      }
      throw illegal(move, "it leaves the " + side + " king in check");
    }
    whiteToMove = !whiteToMove;
    plies++;
  }

  /**
   * Why piece p cannot go from {@code from} to {@code to}, or null if its movement rule allows it.
   */
  private String reach(int p, int from, int to, boolean capture) {
    int df = to % 8 - from % 8;
    int dr = to / 8 - from / 8;
    String name = kind[p].name().toLowerCase(Locale.ROOT);
    switch (kind[p]) {
      case KING:
        if (Math.abs(df) == 2 && dr == 0) {
          return "castling is not supported";
        }
        return Math.max(Math.abs(df), Math.abs(dr)) == 1 ? null : "a king moves one square";
      case KNIGHT:
        return Math.abs(df * dr) == 2 ? null : "a knight moves in an L";
      case ROOK:
        return df == 0 || dr == 0 ? clear(from, to, name) : "a rook moves along a rank or file";
      case BISHOP:
        return Math.abs(df) == Math.abs(dr) ? clear(from, to, name) : "a bishop moves diagonally";
      case QUEEN:
        return df == 0 || dr == 0 || Math.abs(df) == Math.abs(dr)
            ? clear(from, to, name)
            : "a queen moves along a line";
      default:
        int forward = white[p] ? 1 : -1;
        int startRank = white[p] ? 1 : 6;
        if (to / 8 == (white[p] ? 7 : 0)) {
          return "promotion is not supported";
        }
        if (df == 0 && dr == forward && !capture) {
          return null;
        }
        if (df == 0 && dr == 2 * forward && !capture && from / 8 == startRank) {
          return pieceOn[from + 8 * forward] == EMPTY ? null : "the pawn is blocked";
        }
        if (Math.abs(df) == 1 && dr == forward) {
          return capture
              ? null
              : "a pawn moves diagonally only to capture (en passant is not supported)";
        }
        return "a pawn moves straight forward or captures diagonally";
    }
  }

  /** Null if the squares strictly between from and to (on a line) are empty. */
  private String clear(int from, int to, String name) {
    int sf = Integer.signum(to % 8 - from % 8);
    int sr = Integer.signum(to / 8 - from / 8);
    for (int s = from + sf + 8 * sr; s != to; s += sf + 8 * sr) {
      if (pieceOn[s] != EMPTY) {
        return "the " + name + "'s path is blocked on " + name(s);
      }
    }
    return null;
  }

  /** Whether a piece of the given colour attacks {@code target}. */
  private boolean attacked(int target, boolean byWhite) {
    for (int p = 0; p < kind.length; p++) {
      int from = square[p];
      if (from == EMPTY || white[p] != byWhite || from == target) {
        continue;
      }
      int df = target % 8 - from % 8;
      int dr = target / 8 - from / 8;
      boolean hits;
      switch (kind[p]) {
        case PAWN:
          hits = Math.abs(df) == 1 && dr == (white[p] ? 1 : -1);
          break;
        case KING:
          hits = Math.max(Math.abs(df), Math.abs(dr)) == 1;
          break;
        case KNIGHT:
          hits = Math.abs(df * dr) == 2;
          break;
        case ROOK:
          hits = (df == 0 || dr == 0) && clear(from, target, "") == null;
          break;
        case BISHOP:
          hits = Math.abs(df) == Math.abs(dr) && clear(from, target, "") == null;
          break;
        default:
          hits =
              (df == 0 || dr == 0 || Math.abs(df) == Math.abs(dr))
                  && clear(from, target, "") == null;
      }
      if (hits) {
        return true;
      }
    }
    return false;
  }

  private int king(boolean whiteKing) {
    for (int p = 0; p < kind.length; p++) {
      if (kind[p] == Kind.KING && white[p] == whiteKing) {
        return square[p];
      }
    }
    throw new AssertionError("no king");
  }

  private int count(Kind k, boolean whitePieces) {
    int c = 0;
    for (int p = 0; p < kind.length; p++) {
      c += kind[p] == k && white[p] == whitePieces ? 1 : 0;
    }
    return c;
  }

  /** The number of the piece on {@code sq} (e.g. "a8"), or -1 if the square is empty. */
  int pieceOn(String sq) {
    return pieceOn[square(sq)];
  }

  /** The square of piece number {@code p} (e.g. "a8"), or null if it was captured. */
  String squareOf(int p) {
    return square[p] == EMPTY ? null : name(square[p]);
  }

  /** The kind of piece number {@code p}. */
  Kind kind(int p) {
    return kind[p];
  }

  /** Whether piece number {@code p} is white. */
  boolean isWhite(int p) {
    return white[p];
  }

  /** Whether white is to move. */
  boolean whiteToMove() {
    return whiteToMove;
  }

  /** The number of moves (plies) played. */
  int plies() {
    return plies;
  }

  /** The piece placement and side to move as FEN (castling and en passant fields {@code -}). */
  String fen() {
    StringBuilder sb = new StringBuilder();
    for (int rank = 7; rank >= 0; rank--) {
      int empty = 0;
      for (int file = 0; file < 8; file++) {
        int p = pieceOn[rank * 8 + file];
        if (p == EMPTY) {
          empty++;
          continue;
        }
        if (empty > 0) {
          sb.append(empty);
          empty = 0;
        }
        sb.append(white[p] ? Character.toUpperCase(kind[p].letter) : kind[p].letter);
      }
      if (empty > 0) {
        sb.append(empty);
      }
      sb.append(rank > 0 ? "/" : "");
    }
    return sb.append(whiteToMove ? " w" : " b").append(" - -").toString();
  }

  /** Eight lines, rank 8 first, {@code .} for an empty square, then the file letters. */
  String diagram() {
    StringBuilder sb = new StringBuilder();
    for (int rank = 7; rank >= 0; rank--) {
      sb.append(rank + 1).append(' ');
      for (int file = 0; file < 8; file++) {
        int p = pieceOn[rank * 8 + file];
        char c =
            p == EMPTY ? '.' : white[p] ? Character.toUpperCase(kind[p].letter) : kind[p].letter;
        sb.append(' ').append(c);
      }
      sb.append('\n');
    }
    return sb.append("   a b c d e f g h").toString();
  }

  static int square(String name) {
    checkArgument(name.matches("[a-h][1-8]"), "not a square: '%s'", name);
    return (name.charAt(1) - '1') * 8 + (name.charAt(0) - 'a');
  }

  static String name(int square) {
    return "" + (char) ('a' + square % 8) + (char) ('1' + square / 8);
  }

  private static IllegalArgumentException illegal(String move, String why) {
    return new IllegalArgumentException("illegal move " + move + ": " + why);
  }
}
