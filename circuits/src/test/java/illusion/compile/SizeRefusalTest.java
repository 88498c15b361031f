package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Dyadic;
import illusion.number.Precision;
import illusion.ssm.Model;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SizeRefusalTest {

  /**
   * A projection above the wire limit is refused before building, naming the estimate and the
   * limit; a projection exactly at the limit compiles.
   */
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
    // exactly at the limit is allowed
    CompileOptions exact = CompileOptions.builder().wireLimit(size.storedWires()).build();
    assertEquals(size, ModelCompiler.compile(model, 16, Outputs.ALL, exact).projected());
  }

  /**
   * A fractional transition makes the exact kernel's entries grow by f bits per lag: a long
   * sequence is refused before the kernel is computed, with the estimate and the limit, while an
   * integer transition (entries stay bounded) passes the same check.
   */
  @Test
  void kernelsThatCannotFitAreRefusedBeforeTheyAreComputed() {
    Precision p = Precision.of(16, 8);
    Dyadic[][] fractional = {{p.value(3), p.value(-5)}, {p.value(7), p.value(1)}}; // entries k/256
    Dyadic[][] delay = {{Dyadic.ZERO, Dyadic.ZERO}, {Dyadic.ONE, Dyadic.ZERO}};
    Dyadic[][] b = {{Dyadic.ONE, p.value(-128)}, {p.value(64), Dyadic.ONE}};
    Dyadic[][] c = {{Dyadic.ONE, Dyadic.ONE}};
    long limit = 64L << 20;
    long start = System.nanoTime();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConvolutionCompiler.checkKernelFits(fractional, false, b, c, 200_000, limit));
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "the check must not compute the kernel");
    assertTrue(e.getMessage().contains("grow by 8 bits per step"), e.getMessage());
    assertTrue(e.getMessage().contains("above the 64 MB this heap allows"), e.getMessage());
    ConvolutionCompiler.checkKernelFits(delay, false, b, c, 200_000, limit);
    ConvolutionCompiler.checkKernelFits(fractional, false, b, c, 100, limit);
  }
}
