package illusion.group;

/**
 * The circuit complexity of a finite group's (or monoid's) word problem, by Barrington–Thérien
 * (1988) and Barrington (1989): aperiodic monoids give AC0, monoids whose subgroups are all
 * solvable give ACC0, and a monoid containing a non-solvable group is NC1-complete. For a group:
 * only the trivial group is aperiodic; a nontrivial abelian group needs counting modulo its
 * order (MOD gates, not in AC0); a solvable group ACC0; a non-solvable one (A5, S5) NC1-complete.
 */
public enum WordProblemClass {
  /** The trivial group, or an aperiodic monoid: in AC0. */
  APERIODIC("AC0", "aperiodic: AC0"),
  /** A nontrivial abelian group: in ACC0 (counting modulo m), not in AC0. */
  ABELIAN("ACC0", "abelian: ACC0 (counting modulo the group's exponent), not AC0"),
  /** A non-abelian solvable group, or a non-aperiodic monoid whose subgroups are solvable: ACC0. */
  SOLVABLE("ACC0", "solvable: ACC0"),
  /** A non-solvable group, or a monoid containing one: NC1-complete. */
  NON_SOLVABLE("NC1-complete", "non-solvable: NC1-complete (Barrington)");

  private final String complexityClass;
  private final String description;

  WordProblemClass(String complexityClass, String description) {
    this.complexityClass = complexityClass;
    this.description = description;
  }

  /** The class of G's word problem, from its derived series. */
  public static WordProblemClass of(FiniteGroup g) {
    return of(DerivedSeries.of(g));
  }

  /** The class of the word problem of {@code series.group()}. */
  public static WordProblemClass of(DerivedSeries series) {
    if (series.group().order() == 1) {
      return APERIODIC;
    }
    if (series.isAbelian()) {
      return ABELIAN;
    }
    return series.isSolvable() ? SOLVABLE : NON_SOLVABLE;
  }

  /** The circuit class: {@code AC0}, {@code ACC0} or {@code NC1-complete}. */
  public String complexityClass() {
    return complexityClass;
  }

  /** A short human-readable statement, e.g. {@code "solvable: ACC0"}. */
  public String description() {
    return description;
  }
}
