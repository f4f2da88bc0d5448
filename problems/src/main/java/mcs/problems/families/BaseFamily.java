package mcs.problems.families;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;

/** Shared plumbing: parameter checking, the single seeded random source, and provenance. */
abstract class BaseFamily implements Family {
    /** What {@link #build} returns; the base class adds the provenance. {@code gap} is null unless t* is known. */
    record Outcome(Instance instance, KnownAnswer known, Gap gap) {
        Outcome(Instance instance, KnownAnswer known) {
            this(instance, known, null);
        }
    }

    private final String name;
    private final Problem problem;
    private final int minN;
    private final List<Parameter> parameters;

    BaseFamily(String name, Problem problem, int minN, List<Parameter> parameters) {
        this.name = name;
        this.problem = problem;
        this.minN = minN;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Problem problem() {
        return problem;
    }

    @Override
    public final List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public final Generated generate(int n, long seed, Map<String, String> params) {
        Params p = new Params(name, parameters, params);
        if (n < minN) throw new IllegalArgumentException("family '" + name + "' needs n >= " + minN + ", got n = " + n);
        Outcome o = build(n, new SplittableRandom(seed), p);
        return new Generated(o.instance(), o.known(), p.provenance(n, seed), o.gap());
    }

    /** Builds the instance from the seeded source; parameters are read (and validated) through {@code p}. */
    abstract Outcome build(int n, SplittableRandom rng, Params p);

    @Override
    public String toString() {
        return name;
    }
}
