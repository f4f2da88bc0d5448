package mcs.verifier.search.property;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import mcs.problems.spi.Property;
import mcs.problems.spi.Solver;

/**
 * Finds properties by name: the built-in {@code soundness:<solver>}, {@code agrees:<solver>},
 * {@code bound:<estimator>}, the identities {@code bipartite:<solver>} (perm(B) = haf of the bipartite doubling,
 * {@link BipartiteProperty}) and {@code repeated:<solver>} (repeated rows = the expanded matrix,
 * {@link RepeatedProperty}), and {@link LocalPsdConjecture#NAME}, and user properties listed in
 * {@code META-INF/services/mcs.problems.spi.Property} of the class path or of plug-in jars. Plug-in jars may
 * also bring solvers (listed in {@code META-INF/services/mcs.problems.spi.Solver}), which the solver
 * properties and the reference oracle then see. A solver name used by several problems takes the
 * problem after '@', e.g. {@code soundness:burer-monteiro@psd-completion}.
 */
public final class Properties {
    private final ClassLoader loader;
    private final List<Solver> solvers;
    private final List<Property> user;

    private Properties(ClassLoader loader) {
        this.loader = loader;
        List<Solver> s = new ArrayList<>();
        ServiceLoader.load(Solver.class, loader).forEach(s::add);
        s.sort(Comparator.comparing((Solver x) -> x.problem().ordinal()).thenComparing(Solver::name));
        this.solvers = List.copyOf(s);
        List<Property> p = new ArrayList<>();
        ServiceLoader.load(Property.class, loader).forEach(p::add);
        this.user = List.copyOf(p);
    }

    /** Properties and solvers of the class path plus the given plug-in jars. */
    public static Properties load(List<Path> pluginJars) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : pluginJars) {
            if (!Files.isRegularFile(jar)) throw new IllegalArgumentException("plug-in jar not found: " + jar);
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad plug-in path " + jar + ": " + e.getMessage());
            }
        }
        ClassLoader parent = Properties.class.getClassLoader();
        return new Properties(urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(new URL[0]), parent));
    }

    public List<Solver> solvers() {
        return solvers;
    }

    public List<Property> userProperties() {
        return user;
    }

    /** Closes the plug-in class loader, if any. */
    public void close() throws IOException {
        if (loader instanceof URLClassLoader u) u.close();
    }

    /**
     * @throws IllegalArgumentException with a one-line reason when the name is unknown; a solver name that
     *     exists for several problems is ambiguous and refused
     */
    public Property resolve(String name) {
        if (name.equals(LocalPsdConjecture.NAME)) return new LocalPsdConjecture();
        for (Property p : user) if (p.name().equals(name)) return p;
        int colon = name.indexOf(':');
        if (colon > 0) {
            String kind = name.substring(0, colon), spec = name.substring(colon + 1);
            int at = spec.indexOf('@');
            String solverName = at < 0 ? spec : spec.substring(0, at), problem = at < 0 ? null : spec.substring(at + 1);
            List<Solver> s = solvers.stream().filter(x -> x.name().equals(solverName) && (problem == null || x.problem().id().equals(problem))).toList();
            if (s.size() > 1) throw new IllegalArgumentException("solver name '" + solverName + "' is used by several problems; add @PROBLEM, e.g. " + name + "@" + s.get(0).problem().id());
            if (s.size() == 1) {
                switch (kind) {
                    case "soundness": return new SoundnessProperty(s.get(0));
                    case "agrees": return new AgreesProperty(s.get(0));
                    case "bound": return new BoundProperty(s.get(0));
                    case "bipartite": return new BipartiteProperty(s.get(0));
                    case "repeated": return new RepeatedProperty(s.get(0));
                    default: break;
                }
            } else if (List.of("soundness", "agrees", "bound", "bipartite", "repeated").contains(kind)) {
                throw new IllegalArgumentException("no solver named '" + solverName + "' (see 'mcs solvers')");
            }
        }
        throw new IllegalArgumentException("unknown property '" + name + "'; built in: soundness:<solver>, agrees:<solver>, bound:<estimator>, "
                + "bipartite:<hafnian or permanent solver>, repeated:<hafnian, loop-hafnian or permanent solver>, "
                + LocalPsdConjecture.NAME + (user.isEmpty() ? "" : "; plug-ins: " + user.stream().map(Property::name).toList()));
    }
}
