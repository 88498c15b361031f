package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of layers, each followed by a {@link Readout}: layer 0 reads the task's input tokens
 * (vocabulary {@link #inputVocabulary()}, e.g. the group's elements), readout i maps layer i's
 * rounded outputs to the tokens of layer i+1, and the last readout gives the label at every
 * position (vocabulary {@link #labelVocabulary()}).
 *
 * <p>Every position is processed causally: layer i+1 reads at position t the token readout i
 * produced from layer i's output at position t. Immutable; built by {@link #builder}, which checks
 * that the vocabularies chain.
 */
public final class Model {
  private final String name;
  private final String tracks;
  private final int inputVocabulary;
  private final ImmutableList<Layer> layers;
  private final ImmutableList<Readout> readouts;

  private Model(Builder b) {
    this.name = b.name;
    this.tracks = b.tracks;
    this.inputVocabulary = b.inputVocabulary;
    this.layers = ImmutableList.copyOf(b.layers);
    this.readouts = ImmutableList.copyOf(b.readouts);
  }

  /** A builder for a model named {@code name} whose first layer reads {@code inputVocabulary} tokens. */
  public static Builder builder(String name, int inputVocabulary) {
    return new Builder(name, inputVocabulary);
  }

  /** The model's name, e.g. {@code "ids4"}. */
  public String name() {
    return name;
  }

  /** One line saying what the model computes, e.g. "the prefix product s_t, exact for every n". */
  public String tracks() {
    return tracks;
  }

  /** The size of the input alphabet (the group order for a word problem). */
  public int inputVocabulary() {
    return inputVocabulary;
  }

  /** The size of the label alphabet: the last readout's output vocabulary. */
  public int labelVocabulary() {
    return readouts.get(readouts.size() - 1).outputVocabulary();
  }

  /** The number of layers. */
  public int depth() {
    return layers.size();
  }

  /** The layers, bottom first. */
  public ImmutableList<Layer> layers() {
    return layers;
  }

  /** The readouts; readout i follows layer i. */
  public ImmutableList<Readout> readouts() {
    return readouts;
  }

  /** Layer i. */
  public Layer layer(int i) {
    return layers.get(i);
  }

  /** Readout i (after layer i). */
  public Readout readout(int i) {
    return readouts.get(i);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Model)) {
      return false;
    }
    Model m = (Model) o;
    return name.equals(m.name)
        && tracks.equals(m.tracks)
        && inputVocabulary == m.inputVocabulary
        && layers.equals(m.layers)
        && readouts.equals(m.readouts);
  }

  @Override
  public int hashCode() {
    return ((31 * name.hashCode() + tracks.hashCode()) * 31 + layers.hashCode()) * 31
        + readouts.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("model ").append(name).append(": ").append(tracks);
    for (int i = 0; i < layers.size(); i++) {
      s.append("\n  ").append(layers.get(i)).append(" -> ").append(readouts.get(i));
    }
    return s.toString();
  }

  /** Adds layers bottom-up; {@link #build} checks the chain of vocabularies. */
  public static final class Builder {
    private final String name;
    private final int inputVocabulary;
    private String tracks = "";
    private final List<Layer> layers = new ArrayList<>();
    private final List<Readout> readouts = new ArrayList<>();

    private Builder(String name, int inputVocabulary) {
      checkArgument(name != null && !name.isBlank(), "a model needs a name");
      checkArgument(
          name.indexOf('\n') < 0 && name.indexOf('\r') < 0, "a model name is one line: %s", name);
      checkArgument(
          inputVocabulary >= 1, "input vocabulary must be at least 1, got %s", inputVocabulary);
      this.name = name.strip();
      this.inputVocabulary = inputVocabulary;
    }

    /** Sets the one-line description of what the model computes. */
    public Builder tracks(String tracks) {
      checkNotNull(tracks, "tracks");
      checkArgument(
          tracks.indexOf('\n') < 0 && tracks.indexOf('\r') < 0,
          "a model's description is one line: %s",
          tracks);
      this.tracks = tracks.strip();
      return this;
    }

    /**
     * Appends a layer and the readout after it. The layer must read the previous readout's tokens
     * (or the input alphabet), and the readout must read the layer's m output channels.
     */
    public Builder add(Layer layer, Readout readout) {
      checkNotNull(layer, "layer");
      checkNotNull(readout, "readout");
      int i = layers.size();
      int vocab = i == 0 ? inputVocabulary : readouts.get(i - 1).outputVocabulary();
      checkArgument(
          layer.vocabularySize() == vocab,
          "layer %s reads %s tokens, but %s",
          i,
          layer.vocabularySize(),
          i == 0
              ? "the input vocabulary has " + vocab
              : "readout " + (i - 1) + " produces " + vocab);
      checkArgument(
          readout.channels() == layer.outputDim(),
          "readout %s reads %s channels, but layer %s has %s outputs",
          i,
          readout.channels(),
          i,
          layer.outputDim());
      layers.add(layer);
      readouts.add(readout);
      return this;
    }

    /** Builds the model; it needs at least one layer. */
    public Model build() {
      checkArgument(!layers.isEmpty(), "model %s has no layers", name);
      return new Model(this);
    }
  }
}
