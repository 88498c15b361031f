package illusion.fuzz;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Ways to break a valid document: change one node of its JSON tree (delete a key, replace a value
 * by a hostile one, grow or shrink an array, add an unknown key), cut the text short, splice in
 * characters, nest deeply, or corrupt its bytes.
 */
final class Mutations {
  private Mutations() {}

  /** Hostile JSON values: extreme and malformed numbers, wrong types, deep nesting. */
  static JsonElement hostileValue(Random r) {
    switch (r.nextInt(22)) {
      case 0: return new JsonPrimitive(-1);
      case 1: return new JsonPrimitive(0);
      case 2: return new JsonPrimitive(new BigInteger("9223372036854775808"));
      case 3: return new JsonPrimitive(new BigInteger("-99999999999999999999999999999"));
      case 4: return new JsonPrimitive(2147483648L);
      case 5: return new JsonPrimitive(Integer.MAX_VALUE);
      case 6: return new JsonPrimitive("1e309");
      case 7: return new JsonPrimitive("0.1");
      case 8: return new JsonPrimitive("1/0");
      case 9: return new JsonPrimitive("3/8");
      case 10: return new JsonPrimitive("1e-99999");
      case 11: return new JsonPrimitive("RESET");
      case 12: return JsonNull.INSTANCE;
      case 13: return new JsonPrimitive(true);
      case 14: return new JsonArray();
      case 15: return new JsonObject();
      case 16: return new JsonPrimitive("");
      case 17: return new JsonPrimitive("\u0000\n\u2028");
      case 18: return new JsonPrimitive(1.5);
      case 19: return new JsonPrimitive(new java.math.BigDecimal("1e400"));
      case 20: return nested(r.nextBoolean() ? 300 : 3000);
      default: return new JsonPrimitive(r.nextInt(9) - 4);
    }
  }

  private static JsonElement nested(int depth) {
    JsonElement e = new JsonPrimitive(1);
    for (int i = 0; i < depth; i++) {
      JsonArray a = new JsonArray();
      a.add(e);
      e = a;
    }
    return e;
  }

  /** All nodes of a tree (objects, arrays and leaves), in document order. */
  private static void nodes(JsonElement e, List<JsonElement> out) {
    out.add(e);
    if (e.isJsonObject()) {
      for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
        nodes(m.getValue(), out);
      }
    } else if (e.isJsonArray()) {
      for (JsonElement x : e.getAsJsonArray()) {
        nodes(x, out);
      }
    }
  }

  /** Applies one to three tree mutations to a copy of {@code doc}. */
  static JsonElement mutateTree(JsonElement doc, Random r) {
    JsonElement root = doc.deepCopy();
    int k = 1 + r.nextInt(3);
    for (int i = 0; i < k; i++) {
      List<JsonElement> all = new ArrayList<>();
      nodes(root, all);
      List<JsonElement> containers = new ArrayList<>();
      for (JsonElement e : all) {
        if ((e.isJsonObject() && e.getAsJsonObject().size() > 0) || (e.isJsonArray() && e.getAsJsonArray().size() > 0)) {
          containers.add(e);
        }
      }
      if (containers.isEmpty()) {
        return hostileValue(r);
      }
      JsonElement c = containers.get(r.nextInt(containers.size()));
      if (c.isJsonObject()) {
        JsonObject o = c.getAsJsonObject();
        List<String> keys = new ArrayList<>(o.keySet());
        String key = keys.get(r.nextInt(keys.size()));
        switch (r.nextInt(4)) {
          case 0: o.remove(key); break;
          case 1: o.add(r.nextBoolean() ? "extra" : key.toUpperCase(java.util.Locale.ROOT), hostileValue(r)); break;
          default: o.add(key, hostileValue(r));
        }
      } else {
        JsonArray a = c.getAsJsonArray();
        int j = r.nextInt(a.size());
        switch (r.nextInt(5)) {
          case 0: a.remove(j); break;
          case 1: a.add(a.get(j).deepCopy()); break;
          case 2: a.set(j, new JsonPrimitive(r.nextInt(2000) - 1000)); break;
          default: a.set(j, hostileValue(r));
        }
      }
    }
    return root;
  }

  /** Text damage: cut short, splice characters, insert nesting, or nothing. */
  static String mutateText(String text, Random r) {
    switch (r.nextInt(8)) {
      case 0:
        return text.substring(0, r.nextInt(text.length() + 1));
      case 1: {
        int at = r.nextInt(text.length() + 1);
        String[] bits = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000", "\uFEFF", "\uD800", "é", "1e", "-", "//", "/*", "'", "NaN", "\n"};
        return text.substring(0, at) + bits[r.nextInt(bits.length)] + text.substring(at);
      }
      case 2: {
        int at = r.nextInt(text.length() + 1);
        int depth = r.nextBoolean() ? 200 : 100_000;
        return text.substring(0, at) + "[".repeat(depth) + text.substring(at);
      }
      case 3:
        return "{\"a\":".repeat(r.nextBoolean() ? 300 : 50_000) + "1" + "}".repeat(r.nextInt(3));
      case 4: {
        if (text.isEmpty()) {
          return text;
        }
        int at = r.nextInt(text.length());
        return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + r.nextInt(20)));
      }
      default:
        return text;
    }
  }

  /** The UTF-8 bytes of {@code text}, sometimes with a stray invalid byte or a byte-order mark. */
  static byte[] bytes(String text, Random r) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    switch (r.nextInt(6)) {
      case 0: {
        byte[] c = b.clone();
        if (c.length > 0) {
          c[r.nextInt(c.length)] = (byte) (0x80 | r.nextInt(0x80));
        }
        return c;
      }
      case 1: {
        byte[] c = new byte[b.length + 3];
        c[0] = (byte) 0xEF;
        c[1] = (byte) 0xBB;
        c[2] = (byte) 0xBF;
        System.arraycopy(b, 0, c, 3, b.length);
        return c;
      }
      default:
        return b;
    }
  }

  static JsonElement parse(String json) {
    return JsonParser.parseString(json);
  }
}
