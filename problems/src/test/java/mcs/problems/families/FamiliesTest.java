package mcs.problems.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mcs.problems.cert.Verdict;
import org.junit.jupiter.api.Test;

/** Registry, parameter handling, provenance, and determinism of every family. */
class FamiliesTest {
    /** A small valid n for each family. */
    static int smallN(Family f) {
        return switch (f.name()) {
            case "near-boundary" -> 4;
            case "gamma2" -> 8;
            case "grid" -> 9;
            case "cycle" -> 7;
            case "haf-ones" -> 6;
            case "random-sparse", "chordal" -> 12;
            default -> 5;
        };
    }

    /** Families whose output does not depend on the seed. */
    static final Set<String> SEED_FREE = Set.of("near-boundary", "gamma2", "perm-ones", "perm-derangement", "perm-tridiagonal", "haf-ones");

    @Test
    void registryHasEveryFamilyOnceAndFindsThemByName() {
        List<String> names = Families.all().stream().map(Family::name).toList();
        assertEquals(List.of("random-sparse", "chordal", "cycle", "near-boundary", "gamma2", "grid", "dense", "mc2-random",
                "perm-01", "perm-pm1", "perm-gaussian", "perm-exponential", "perm-wishart", "perm-ones", "perm-derangement",
                "perm-rank-one", "perm-tridiagonal", "perm-block-diagonal", "haf-ones"), names);
        assertEquals(names.size(), new HashSet<>(names).size());
        for (Family f : Families.all()) {
            assertEquals(f, Families.byName(f.name()).orElseThrow());
            assertTrue(f.description().length() > 80, f.name() + " has a real description");
            for (Parameter p : f.parameters()) assertFalse(p.meaning().isBlank());
        }
        assertTrue(Families.byName("no-such-family").isEmpty());
    }

    @Test
    void sameSeedGivesIdenticalDataAndDifferentSeedsDiffer() {
        for (Family f : Families.all()) {
            int n = smallN(f);
            Generated a = f.generate(n, 42, Map.of());
            Generated b = f.generate(n, 42, Map.of());
            assertEquals(Canonical.dump(a.instance()), Canonical.dump(b.instance()), f.name());
            assertEquals(Canonical.dump(a.known()), Canonical.dump(b.known()), f.name());
            assertEquals(n, a.instance().n(), f.name());
            assertEquals(f.problem(), a.instance().problem(), f.name());
            String c = Canonical.dump(f.generate(n, 43, Map.of()).instance());
            if (SEED_FREE.contains(f.name())) assertEquals(Canonical.dump(a.instance()), c, f.name());
            else assertNotEquals(Canonical.dump(a.instance()), c, f.name());
        }
    }

    @Test
    void provenanceListsFamilyNSeedAndEveryParameterInDeclaredOrder() {
        for (Family f : Families.all()) {
            Generated g = f.generate(smallN(f), -7, Map.of());
            List<String> keys = new ArrayList<>(List.of("family", "n", "seed"));
            f.parameters().forEach(p -> keys.add(p.name()));
            assertEquals(keys, new ArrayList<>(g.provenance().keySet()), f.name());
            assertEquals(f.name(), g.provenance().get("family"));
            assertEquals("-7", g.provenance().get("seed"));
            for (Parameter p : f.parameters()) assertEquals(p.defaultValue(), g.provenance().get(p.name()));
        }
        Generated g = Families.byName("chordal").orElseThrow().generate(10, 1, Map.of("shape", "band", "k", "2"));
        assertEquals("band", g.provenance().get("shape"));
        assertEquals("2", g.provenance().get("k"));
        assertEquals("yes", g.provenance().get("answer"));
    }

    @Test
    void provenanceRegeneratesTheSameInstance() {
        Map<String, String> params = Map.of("answer", "no", "degree", "3", "margin", "0.25");
        Generated g = Families.byName("random-sparse").orElseThrow().generate(15, 99, params);
        Map<String, String> prov = g.provenance();
        Map<String, String> again = new java.util.TreeMap<>(prov);
        again.keySet().removeAll(List.of("family", "n", "seed"));
        Generated h = Families.byName(prov.get("family")).orElseThrow()
                .generate(Integer.parseInt(prov.get("n")), Long.parseLong(prov.get("seed")), again);
        assertEquals(Canonical.dump(g.instance()), Canonical.dump(h.instance()));
        assertEquals(Canonical.dump(g.known()), Canonical.dump(h.known()));
        assertEquals(prov, h.provenance());
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        Family sparse = Families.byName("random-sparse").orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sparse.generate(10, 1, Map.of("degre", "4")));
        assertTrue(e.getMessage().contains("'degre'") && e.getMessage().contains("random-sparse"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sparse.generate(10, 1, Map.of("answer", "maybe")));
        assertTrue(e.getMessage().contains("'answer'") && e.getMessage().contains("yes|no"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sparse.generate(10, 1, Map.of("margin", "0")));
        assertTrue(e.getMessage().contains("'margin'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sparse.generate(10, 1, Map.of("rank", "three")));
        assertTrue(e.getMessage().contains("'rank'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("near-boundary").orElseThrow().generate(5, 1, Map.of()));
        assertTrue(e.getMessage().contains("n must be 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("gamma2").orElseThrow().generate(6, 1, Map.of()));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("grid").orElseThrow().generate(10, 1, Map.of()));
        assertTrue(e.getMessage().contains("perfect square"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("grid").orElseThrow().generate(9, 1, Map.of("answer", "no", "c", "7/10")));
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("haf-ones").orElseThrow().generate(5, 1, Map.of()));
        assertTrue(e.getMessage().contains("even"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("chordal").orElseThrow().generate(3, 1, Map.of("k", "3")));
        assertTrue(e.getMessage().contains("k+1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("perm-01").orElseThrow().generate(3, 1, Map.of("p", "3/2")));
        assertTrue(e.getMessage().contains("'p'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("perm-ones").orElseThrow().generate(3, 1, Map.of("x", "1")));
        assertTrue(e.getMessage().contains("known: none"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Families.byName("cycle").orElseThrow().generate(2, 1, Map.of()));
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("mc2-random").orElseThrow().generate(100_000, 1, Map.of()));
        assertTrue(e.getMessage().contains("smaller k"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("perm-ones").orElseThrow().generate(10_001, 1, Map.of()));
        assertTrue(e.getMessage().contains("n must be <= 10000"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.byName("dense").orElseThrow().generate(20_001, 1, Map.of()));
        assertTrue(e.getMessage().contains("n must be <= 20000"), e.getMessage());
    }

    @Test
    void everyKnownAnswerIsStatedWithAReason() {
        for (Family f : Families.all()) {
            KnownAnswer k = f.generate(smallN(f), 3, Map.of()).known();
            assertFalse(k.why().isBlank(), f.name());
            switch (f.problem()) {
                case PSD_COMPLETION -> assertTrue(k.verdict() == Verdict.COMPLETABLE || k.verdict() == Verdict.NOT_COMPLETABLE, f.name());
                case APPROXIMATE_SQUARING -> assertEquals(Verdict.SOLVED, k.verdict());
                default -> assertEquals(k.value() != null, k.verdict() == Verdict.SOLVED, f.name());
            }
        }
    }
}
