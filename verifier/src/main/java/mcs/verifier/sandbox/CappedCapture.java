package mcs.verifier.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a process's output stream on a daemon thread, keeping at most {@code cap} bytes (the first
 * ones) and counting the rest, so a chatty competitor can neither block on a full pipe nor exhaust the
 * arena's memory.
 */
public final class CappedCapture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int cap;
    private long dropped;
    private final Thread thread;

    public CappedCapture(InputStream in, int cap, String name) {
        this.cap = cap;
        this.thread = new Thread(() -> drain(in), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[8192];
        try (in) {
            int k;
            while ((k = in.read(buf)) >= 0) {
                synchronized (this) {
                    int room = Math.max(0, cap - kept.size());
                    kept.write(buf, 0, Math.min(room, k));
                    dropped += Math.max(0, k - room);
                }
            }
        } catch (IOException e) {
            // the process went away; what was read is kept
        }
    }

    /** Waits (bounded) for the stream to close and returns the kept text. */
    public String text(long waitMillis) {
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }

    public synchronized long dropped() {
        return dropped;
    }
}
