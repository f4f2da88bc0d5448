package mcs.verifier.serve.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in memory, one per key (an API token's id, or a client address): {@code perMinute}
 * requests a minute on average, bursts up to {@code perMinute}. Each service process keeps its own
 * buckets, so with several service processes behind one proxy a client gets up to that many times the
 * rate; the quotas, kept in the store, are exact.
 */
public final class RateLimiter {
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    public RateLimiter(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Takes one request from the key's bucket; returns 0 when allowed, else the seconds until one is free. */
    public int acquire(String key, int perMinute) {
        if (perMinute <= 0) return 60;
        long now = nanos.getAsLong();
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {perMinute, now});
        synchronized (b) {
            double elapsedMin = (now - (long) b[1]) / 60e9;
            b[0] = Math.min(perMinute, b[0] + elapsedMin * perMinute);
            b[1] = now;
            if (b[0] >= 1) {
                b[0] -= 1;
                return 0;
            }
            return (int) Math.ceil((1 - b[0]) * 60 / perMinute);
        }
    }
}
