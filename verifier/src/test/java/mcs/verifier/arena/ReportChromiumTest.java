package mcs.verifier.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import mcs.testkit.RequiredTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html renders in headless Chromium (Debian's {@code chromium}): a screenshot shows the styled
 * tables and plots, and the DOM after scripts ran holds the tables, the inline SVG plots and the mark
 * the sorting script sets once it is attached. Needs Debian's {@code chromium} ({@link RequiredTool}).
 */
@Tag("chromium")
class ReportChromiumTest {
    @TempDir Path dir;

    @Test
    void reportRendersInHeadlessChromium() throws IOException, InterruptedException {
        Path report = syntheticReport(dir.resolve("out"));
        String html = Files.readString(report, StandardCharsets.UTF_8);
        for (String fetch : List.of("src=\"http", "href=\"http", "url(http", "@import", "<link")) {
            assertTrue(!html.contains(fetch), "self-contained: nothing is fetched, but the page holds " + fetch);
        }
        String chromium = chromium().orElse(null);
        RequiredTool.require("chromium", chromium != null, "apt-get install chromium");

        Path png = dir.resolve("shot.png");
        Process shot = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1800",
                "--screenshot=" + png, report.toUri().toString()).redirectErrorStream(true).redirectOutput(dir.resolve("shot.log").toFile()).start();
        assertTrue(shot.waitFor(120, TimeUnit.SECONDS), "chromium finishes");
        assertTrue(Files.size(png) > 10_000, Files.readString(dir.resolve("shot.log")));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        boolean wrongCell = false;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                wrongCell |= rgb == 0xf4b6b6;
            }
        }
        assertTrue(colours.size() > 50, "the page is not blank: " + colours.size() + " colours");
        assertTrue(wrongCell, "the WRONG cells are drawn in their colour (#f4b6b6): the tables and their style rendered");

        Process dump = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", report.toUri().toString())
                .redirectError(dir.resolve("dump.log").toFile()).start();
        String dom = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dump.waitFor(120, TimeUnit.SECONDS));
        for (String must : List.of("<table id=\"ranking\"", "<table id=\"instances\"", "<table id=\"failures\"", "<table id=\"provenance\"",
                "id=\"cactus\"", "id=\"scatter\"", "<svg", "virtual-best", "data-sortable=\"ready\"", "claimed COMPLETABLE, but the known answer")) {
            assertTrue(dom.contains(must), "the rendered DOM holds " + must);
        }
    }

    /** A results folder written by hand (no solver runs): two solvers, a liar, every category. */
    static Path syntheticReport(Path out) throws IOException {
        Files.createDirectories(out);
        String plan = "{\"format\":\"mcs-plan/1\",\"solvers\":[{\"name\":\"fast\",\"solver\":\"chordal\"},{\"name\":\"slow\",\"solver\":\"local-checks\"},"
                + "{\"name\":\"liar\",\"command\":[\"liar.sh\"]}],\"instances\":[\"x\"],\"seeds\":[1],\"time_limit_s\":2,\"memory_limit_mb\":100}";
        Files.writeString(out.resolve("plan.json"), plan);
        Files.writeString(out.resolve("provenance.json"), Arena.JSON.writeValueAsString(Map.of("tool", "mcs test", "cores", 2,
                "instances", Map.of("i0.mtx", "aa"))));
        List<RunRow> rows = new ArrayList<>();
        Category[] slowCats = {Category.CORRECT, Category.TIMEOUT, Category.MEMOUT, Category.ERROR, Category.UNKNOWN};
        for (int i = 0; i < 20; i++) {
            String inst = "i" + i + ".mtx", sha = "sha" + i;
            String known = i % 2 == 0 ? "COMPLETABLE" : "NOT_COMPLETABLE";
            rows.add(new RunRow("f" + i, "fast", inst, 1, Category.CORRECT, known, null, 0.01 * (i + 1), 0.01, 50, sha, "done", null, known));
            Category c = slowCats[i % slowCats.length];
            rows.add(new RunRow("s" + i, "slow", inst, 1, c, c == Category.CORRECT ? known : "UNKNOWN", c == Category.CORRECT ? null : "reason " + c,
                    0.05 * (i + 1), 0.05, 60, sha, "done", null, known));
            boolean lie = known.equals("NOT_COMPLETABLE");
            rows.add(new RunRow("l" + i, "liar", inst, 1, lie ? Category.WRONG : Category.CORRECT, "COMPLETABLE",
                    lie ? "claimed COMPLETABLE, but the known answer is NOT_COMPLETABLE" : null, 0.002, 0, 2, sha, "done", 0, known));
        }
        ResultsFile.rewrite(out.resolve(ResultsFile.NAME), rows, r -> true);
        Outputs.rebuild(out);
        return out.resolve("report.html");
    }

    /** A chromium binary on PATH; tests never install it (.ci/run does, from Debian's packages). */
    static Optional<String> chromium() {
        return onPath();
    }

    private static Optional<String> onPath() {
        for (String n : List.of("chromium", "chromium-browser", "google-chrome")) {
            Optional<String> p = onPathNamed(n);
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    private static Optional<String> onPathNamed(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(d).resolve(name);
            if (Files.isExecutable(p)) return Optional.of(p.toString());
        }
        return Optional.empty();
    }
}
