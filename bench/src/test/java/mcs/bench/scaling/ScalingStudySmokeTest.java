package mcs.bench.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study end to end on tiny sizes: every certificate verified, outputs written and parseable. */
class ScalingStudySmokeTest {
    @Test
    void tinyStudyWritesParseableOutputs(@TempDir Path dir) throws Exception {
        StudyConfig cfg = new StudyConfig("smoke", 20, List.of(1L, 2L), 1, List.of(
                new StudyConfig.Series("bm", "burer-monteiro", "random-sparse", Map.of("degree", "4"), null, 20, 80, 3, null, null,
                        Map.of("time-share", "1")),
                new StudyConfig.Series("chordal", "chordal", "chordal", Map.of("k", "2"), List.of(20, 40, 80), null, null, null, null, null, null),
                new StudyConfig.Series("dense-gram", "dense-gram", "mc2-random", Map.of("degree", "6"), List.of(10, 20, 40), null, null, null, null, null, null),
                new StudyConfig.Series("bm-mc2", "burer-monteiro", "mc2-random", Map.of("degree", "6"), List.of(10, 20, 40), null, null, null, null, null, null),
                new StudyConfig.Series("missing", "no-such-solver", "random-sparse", null, List.of(10), null, null, null, null, null, null)),
                List.of(new StudyConfig.Comparison("dense-gram", "bm-mc2")));
        ScalingStudy.Results r = ScalingStudy.run(cfg, null);
        ScalingReport.write(cfg, r, dir);

        JsonNode root = new ObjectMapper().readTree(dir.resolve(ScalingReport.JSON).toFile());
        assertTrue(root.path("environment").path("cores").asInt() > 0);
        assertTrue(root.path("environment").path("jvm").asText().contains("VM"), root.path("environment").toString());
        assertEquals(5, root.path("series").size());
        for (int s = 0; s < 4; s++) {
            JsonNode series = root.path("series").get(s);
            assertEquals(6, series.path("runs").asInt(), series.toString());
            assertEquals(6, series.path("verified").asInt(), series.toString());
            assertTrue(series.path("fit").path("slope").isNumber(), series.toString());
        }
        assertEquals("ABSENT", root.path("runs").get(24).path("status").asText());
        JsonNode run = root.path("runs").get(0);
        assertEquals(20, run.path("n").asInt());
        assertEquals(1, run.path("seed").asLong());
        assertEquals("ACCEPTED", run.path("verification").asText());

        String md = Files.readString(dir.resolve(ScalingReport.MARKDOWN));
        assertTrue(md.contains("| bm | burer-monteiro | random-sparse | 20–80 | 6 | 6 (100%) |"), md);
        assertTrue(root.path("series").get(0).path("cpuFit").path("slope").isNumber());
        assertTrue(md.contains("## dense-gram vs bm-mc2"), md);
        String svg = Files.readString(dir.resolve(ScalingReport.SVG));
        assertTrue(svg.contains("<svg") && svg.contains("</svg>") && svg.contains("bm-mc2"), svg.substring(0, Math.min(300, svg.length())));
    }

    /** One size only: a log axis cannot auto-range a single abscissa, the plot must still be written. */
    @Test
    void singleSizeStillPlots(@TempDir Path dir) throws Exception {
        StudyConfig cfg = new StudyConfig("one", 20, List.of(1L), 1, List.of(
                new StudyConfig.Series("chordal", "chordal", "chordal", Map.of("k", "2"), List.of(30), null, null, null, null, null, null)),
                List.of());
        ScalingReport.write(cfg, ScalingStudy.run(cfg, null), dir);
        assertTrue(Files.readString(dir.resolve(ScalingReport.SVG)).contains("</svg>"));
    }

    @Test
    void builtInConfigsLoad() throws Exception {
        StudyConfig quick = StudyConfig.load("quick");
        StudyConfig def = StudyConfig.load("default");
        assertEquals("quick", quick.name());
        assertTrue(def.series().stream().anyMatch(s -> s.solver().equals("dense-gram") && s.sizes().contains(3000)));
        assertTrue(def.series().stream().anyMatch(s -> s.solver().equals("burer-monteiro") && s.sizes().contains(100000)));
        for (StudyConfig.Series s : def.series()) assertTrue(s.sizes().size() >= 5, s.label());
    }
}
