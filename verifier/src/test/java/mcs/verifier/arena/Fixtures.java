package mcs.verifier.arena;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Competitor scripts and plan text shared by the arena tests. */
final class Fixtures {
    private Fixtures() {}

    /** Always claims COMPLETABLE, with a zero-fill completion certificate naming the instance's hash. */
    static final String LIAR = "#!/bin/sh\n"
            + "sha=$(sha256sum \"$1\" | cut -d' ' -f1)\n"
            + "printf '{\"format\":\"mcs-certificate/1\",\"problem\":\"psd-completion\",\"instance_sha256\":\"%s\",\"verdict\":\"COMPLETABLE\","
            + "\"completion\":{\"form\":\"entries\",\"entries\":[]}}\\n' \"$sha\" > \"$2\"\n"
            + "echo '{\"problem\":\"psd-completion\",\"solver\":\"liar\",\"verdict\":\"COMPLETABLE\"}'\n";

    /** Sleeps "forever" in a background child and in itself: only a group kill ends both. */
    static String sleeper(int marker) {
        return "#!/bin/sh\nsleep " + marker + " &\nsleep " + marker + "\n";
    }

    /**
     * Answers UNKNOWN after a short pause, leaving a long {@code sleep MARKER} child in its process group
     * (which the arena ends when the script exits, or the reaper when the arena itself is killed).
     */
    static String slowUnknown(int marker) {
        return "#!/bin/sh\nsleep " + marker + " >/dev/null 2>&1 &\nsleep 0.2\necho '{\"problem\":\"psd-completion\",\"verdict\":\"UNKNOWN\"}'\n";
    }

    static void script(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        if (!f.toFile().setExecutable(true)) throw new IOException("cannot make " + f + " executable");
    }

    static Path plan(Path dir, String json) throws IOException {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    /** PIDs of live processes whose command line contains {@code needle} (zombies excluded). */
    static List<Long> processesMatching(String needle) throws IOException {
        List<Long> out = new ArrayList<>();
        try (var ds = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.chars().allMatch(Character::isDigit)) continue;
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    String stat = Files.readString(p.resolve("stat"));
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    if (cmd.contains(needle) && state != 'Z') out.add(Long.parseLong(n));
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        }
        return out;
    }
}
