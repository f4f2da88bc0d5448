package mcs.verifier.arena;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.families.Generated;
import mcs.problems.instance.Problem;
import mcs.problems.io.InstanceWriter;
import mcs.problems.io.Sha256;

/**
 * Expands a plan's instance sets into files, in a deterministic order: the sets in plan order, the
 * matches of a folder or glob sorted by name, family instances by size then seed. Family instances are
 * written under {@code DIR/instances/} (byte-deterministic, so every shard computes the same SHA-256
 * and hence the same run IDs). A file's known answer is read from its {@code % known answer = X}
 * comment, which {@code mcs generate} writes.
 */
public final class InstanceSets {
    private InstanceSets() {}

    public static List<ArenaInstance> expand(Plan plan, Path outDir) throws IOException {
        List<ArenaInstance> out = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (int k = 0; k < plan.instancePatterns().size(); k++) {
            String pattern = plan.instancePatterns().get(k);
            List<Path> files = matches(plan.base(), pattern);
            if (files.isEmpty()) throw plan.error("/instances/" + plan.patternSlots().get(k), "instance set '" + pattern + "' matches no file (relative to " + plan.base() + ")");
            for (Path f : files) {
                String name = nameOf(plan.base(), f);
                if (seen.put(name, true) == null) out.add(new ArenaInstance(name, f, Sha256.ofFile(f), knownFromComment(f)));
            }
        }
        for (int k = 0; k < plan.families().size(); k++) {
            FamilySet set = plan.families().get(k);
            String at = "/instances/" + plan.familySlots().get(k);
            Family fam = Families.byName(set.family()).orElseThrow(() -> plan.error(at + "/family", "unknown family '" + set.family() + "'; see 'mcs generate --list'"));
            Path dir = outDir.resolve("instances");
            Files.createDirectories(dir);
            for (int n : set.sizes()) {
                for (long seed : set.seeds()) {
                    String name = familyName(set, n, seed);
                    if (seen.put(name, true) != null) continue;
                    Generated g;
                    try {
                        g = fam.generate(n, seed, set.params());
                    } catch (IllegalArgumentException e) {
                        throw plan.error(at, "family " + set.family() + " (n = " + n + ", seed " + seed + "): " + e.getMessage());
                    }
                    Path file = dir.resolve(name + (fam.problem() == Problem.APPROXIMATE_SQUARING ? ".json" : ".mtx"));
                    List<String> comments = new ArrayList<>();
                    g.provenance().forEach((key, v) -> comments.add(key + " = " + v));
                    String known = g.known() == null || g.known().verdict() == null || g.known().verdict() == mcs.problems.cert.Verdict.UNKNOWN
                            ? null : g.known().verdict().name();
                    if (known != null) comments.add("known answer = " + known);
                    InstanceWriter.write(file, g.instance(), comments);
                    out.add(new ArenaInstance(name, file, Sha256.ofFile(file), known));
                }
            }
        }
        return out;
    }

    /** The number of instances {@link #expand} would produce, without writing anything. */
    public static int count(Plan plan) throws IOException {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String pattern : plan.instancePatterns()) for (Path f : matches(plan.base(), pattern)) names.add(nameOf(plan.base(), f));
        for (FamilySet set : plan.families()) for (int n : set.sizes()) for (long seed : set.seeds()) names.add(familyName(set, n, seed));
        return names.size();
    }

    static String familyName(FamilySet set, int n, long seed) {
        StringBuilder b = new StringBuilder(set.family()).append("-n").append(n).append("-s").append(seed);
        new java.util.TreeMap<>(set.params()).forEach((k, v) -> b.append('-').append(k).append('=').append(v.replaceAll("[^A-Za-z0-9.]", "_")));
        return b.toString();
    }

    private static String nameOf(Path base, Path f) {
        Path rel = f.startsWith(base) ? base.relativize(f) : f;
        return rel.toString().replace('\\', '/');
    }

    /** Regular files of a folder (MC2 side files {@code *.a.mtx}, {@code *.omega.mtx} and certificates {@code *.cert.json} left out), or the files a glob matches. */
    static List<Path> matches(Path base, String pattern) throws IOException {
        Path direct = base.resolve(pattern).normalize();
        if (Files.isDirectory(direct)) {
            try (Stream<Path> s = Files.list(direct)) {
                return s.filter(Files::isRegularFile).filter(p -> isInstanceName(p.getFileName().toString())).sorted().toList();
            }
        }
        if (Files.isRegularFile(direct)) return List.of(direct);
        int firstGlob = firstGlobChar(pattern);
        if (firstGlob < 0) return List.of();
        int cut = pattern.lastIndexOf('/', firstGlob);
        Path root = base.resolve(cut < 0 ? "." : pattern.substring(0, Math.max(cut, 1))).normalize();
        String rest = cut < 0 ? pattern : pattern.substring(cut + 1);
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> m.matches(root.relativize(p))).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isInstanceName(String f) {
        return (f.endsWith(".mtx") && !f.endsWith(".a.mtx") && !f.endsWith(".omega.mtx")) || (f.endsWith(".json") && !f.endsWith(".cert.json"));
    }

    private static int firstGlobChar(String p) {
        for (int i = 0; i < p.length(); i++) if ("*?[{".indexOf(p.charAt(i)) >= 0) return i;
        return -1;
    }

    /** The verdict of a {@code % known answer = X} line in the comment block of a Matrix Market file, else null. */
    static String knownFromComment(Path f) throws IOException {
        if (!f.getFileName().toString().endsWith(".mtx")) return null;
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null && line.startsWith("%")) {
                String t = line.substring(1).trim();
                if (t.startsWith("known answer = ")) return t.substring("known answer = ".length()).trim();
            }
        }
        return null;
    }
}
