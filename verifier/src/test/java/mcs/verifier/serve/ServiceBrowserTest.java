package mcs.verifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import mcs.testkit.RequiredTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by
 * Selenium): sign in with a token, send the sample submission through the descriptor form, watch its page
 * turn from queued to its verdict by itself, see three ACCEPTED and one REJECTED claims with the kernel's
 * reasons, and see the leaderboard change.
 */
@Tag("chromium")
class ServiceBrowserTest {
    @TempDir Path dir;

    @Test
    void signInSubmitTheSampleAndSeeVerdictsAndTheLeaderboard() throws Exception {
        Path chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        Path driverBin = Path.of("/usr/bin/chromedriver");
        RequiredTool.require("chromium", chromium != null && Files.isExecutable(driverBin), "apt-get install chromium chromium-driver");
        try (TestService s = new TestService(TestService.config(dir.resolve("data"), TestService.h2(dir.resolve("data")), 1, 64 << 20, 1000, 1000))) {
            String token = s.token("alice");
            ChromeOptions o = new ChromeOptions();
            o.setBinary(chromium.toFile());
            o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,1000", "--user-data-dir=" + dir.resolve("chrome"));
            ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(driverBin.toFile()).usingAnyFreePort().build();
            WebDriver web = new ChromeDriver(svc, o);
            try {
                // the submission page reloads itself when the verdict is in: an element found just before may go stale
                WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(90));
                wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
                String board = s.service.url() + "/leaderboards/psd-completion/examples";
                web.get(board);
                assertFalse(web.findElements(By.id("empty")).isEmpty(), "the board starts empty");

                web.get(s.service.url() + "/signin");
                web.findElement(By.id("token")).sendKeys(token);
                web.findElement(By.id("signin-submit")).click();
                wait.until(d -> d.getCurrentUrl().endsWith("/submit"));
                assertTrue(web.findElement(By.id("user")).getText().contains("alice"));

                web.findElement(By.id("descriptor")).sendKeys(TestService.SAMPLE.resolve("submission.json").toString());
                List<String> files;
                try (Stream<Path> l = Files.list(TestService.SAMPLE)) {
                    files = l.filter(p -> p.toString().endsWith(".mtx") || p.toString().endsWith(".cert.json")).map(Path::toString).sorted().toList();
                }
                web.findElement(By.id("files")).sendKeys(String.join("\n", files));
                web.findElement(By.id("descriptor-submit")).click();
                wait.until(d -> d.getCurrentUrl().contains("/submissions/s"));
                // the page polls the API and reloads itself once the verdict is in
                wait.until(d -> !d.findElement(By.tagName("body")).getDomAttribute("data-final").isEmpty());
                assertEquals("REJECTED", web.findElement(By.id("outcome")).getText());
                List<WebElement> rows = web.findElements(By.cssSelector("#claims tr"));
                assertEquals(5, rows.size(), "a header and four claims");
                int accepted = 0, rejected = 0;
                for (WebElement row : rows.subList(1, rows.size())) {
                    List<WebElement> td = row.findElements(By.tagName("td"));
                    String verdict = td.get(3).getText(), reason = td.get(5).getText();
                    assertFalse(reason.isBlank(), "each claim shows the kernel's reason");
                    if (verdict.equals("ACCEPTED")) accepted++;
                    if (verdict.equals("REJECTED")) {
                        rejected++;
                        assertEquals("cycle-0.71-no", td.get(0).getText());
                        assertTrue(reason.contains("is not negative"), reason);
                    }
                }
                assertEquals(3, accepted);
                assertEquals(1, rejected);
                File shot = ((org.openqa.selenium.TakesScreenshot) web).getScreenshotAs(org.openqa.selenium.OutputType.FILE);
                Files.copy(shot.toPath(), dir.resolve("submission.png"));

                web.get(board);
                List<WebElement> entries = web.findElements(By.cssSelector("#leaderboard td.entrant"));
                assertEquals(List.of("alice (claims)"), entries.stream().map(WebElement::getText).toList(), "the board now ranks alice's claims");
                String row = web.findElement(By.cssSelector("#leaderboard tr.WRONG")).getText();
                assertTrue(row.contains("alice (claims) 2 1"), "2 correct, 1 wrong: " + row);
            } finally {
                web.quit();
            }
        }
    }
}
