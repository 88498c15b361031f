package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Model;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SizeRefusalTest {

  /** A projection above the wire limit is refused before building, naming the estimate and the limit. */
  @Test
  void refusalNamesTheProjectionAndTheLimit() {
    Model model = Layers.model(new Random(3), Layers.s4(new Random(3), Precision.of(8, 2), 3, 2, 4));
    SizeEstimate size = ModelCompiler.project(model, 16, Outputs.ALL, CompileOptions.defaults());
    long limit = size.storedWires() - 1;
    CompileOptions tight = CompileOptions.builder().wireLimit(limit).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelCompiler.compile(model, 16, Outputs.ALL, tight));
    assertTrue(e.getMessage().contains(size.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(String.format("%,d stored wires", limit)), e.getMessage());
    assertFalse(e.getMessage().contains("%"), e.getMessage());
  }
}
