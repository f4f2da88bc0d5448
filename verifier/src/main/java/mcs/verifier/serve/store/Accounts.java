package mcs.verifier.serve.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Accounts, API tokens and browser sessions.
 *
 * <p>A token reads {@code mcs_<id>_<secret>}: the 16-character id is public and is the row's key, so a
 * token is found by one primary-key lookup; the secret is stored only as an Argon2id hash
 * (spring-security-crypto over Bouncy Castle: 16-byte salt, 32-byte hash, 4 MiB, 2 passes, 1 lane). The
 * secret is 256 random bits, not a password a person chose, so no dictionary applies and a lighter cost than
 * for passwords keeps a burst of new clients from queueing behind the hash; a successful verification is
 * also remembered for {@link #CACHE_MS} as the SHA-256 of the secret. The cache never answers alone: every request still
 * reads the token's row, so a revocation (by another process too) takes effect at the next request.
 */
public final class Accounts {
    public static final long CACHE_MS = 60_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern TOKEN = Pattern.compile("mcs_([a-z2-7]{16})_([A-Za-z0-9_-]{43})");
    private static final long SESSION_MS = 12 * 3600_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Limits of one account; null fields take the service's defaults. */
    public record User(long id, String name, Integer ratePerMinute, Integer quotaPerDay, Integer quotaTotal) {}

    /** Who a request acts for, and through which token. */
    public record Principal(User user, String tokenId) {}

    private record Verified(byte[] secretSha, long until) {}

    private final Database db;
    private final LongSupplier clock;
    private final Argon2PasswordEncoder hasher = new Argon2PasswordEncoder(16, 32, 1, 4096, 2);
    private final Map<String, Verified> cache = new ConcurrentHashMap<>();
    /**
     * Argon2id takes 16 MiB and tens of milliseconds per verification: a burst of new (or forged) tokens would
     * otherwise take all memory and cores. At most this many run at once; the others wait their turn.
     */
    private final java.util.concurrent.Semaphore hashing = new java.util.concurrent.Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    public Accounts(Database db, LongSupplier clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether {@code name} is acceptable for an account (letters, digits, {@code . _ -}; at most 64). */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Creates an account and its first token.
     *
     * @return the token, shown once: only its hash is kept
     * @throws IllegalArgumentException when the name is taken or not acceptable
     */
    public String addUser(String name) {
        if (!validName(name)) throw new IllegalArgumentException("user name '" + name + "': use letters, digits, '.', '_' or '-' (at most 64)");
        String[] token = newToken();
        String hash = hasher.encode(token[2]);
        return db.tx(c -> {
            if (userId(c, name).isPresent()) throw new IllegalArgumentException("user '" + name + "' exists already (mcs serve user token " + name + " gives a new token)");
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO users (name, created_ms) VALUES (?, ?)", new String[] {"id"})) {
                p.setString(1, name);
                p.setLong(2, clock.getAsLong());
                p.executeUpdate();
                try (ResultSet k = p.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            insertToken(c, id, token[1], hash);
            return token[0];
        });
    }

    /** A further token for an existing account. */
    public String addToken(String name) {
        String[] token = newToken();
        String hash = hasher.encode(token[2]);
        return db.tx(c -> {
            long id = userId(c, name).orElseThrow(() -> new IllegalArgumentException("no user '" + name + "'"));
            insertToken(c, id, token[1], hash);
            return token[0];
        });
    }

    /** Revokes every token of the account (and so its sessions); returns how many were live. */
    public int revoke(String name) {
        int n = db.tx(c -> {
            long id = userId(c, name).orElseThrow(() -> new IllegalArgumentException("no user '" + name + "'"));
            try (PreparedStatement p = c.prepareStatement("UPDATE tokens SET revoked_ms = ? WHERE user_id = ? AND revoked_ms IS NULL")) {
                p.setLong(1, clock.getAsLong());
                p.setLong(2, id);
                return p.executeUpdate();
            }
        });
        cache.clear();
        return n;
    }

    /**
     * Sets an account's limits. A null argument leaves that limit as it is; a negative one resets it to
     * the service's default.
     */
    public void setLimits(String name, Integer ratePerMinute, Integer quotaPerDay, Integer quotaTotal) {
        db.tx(c -> {
            long id = userId(c, name).orElseThrow(() -> new IllegalArgumentException("no user '" + name + "'"));
            set(c, id, "rate_per_minute", ratePerMinute);
            set(c, id, "quota_per_day", quotaPerDay);
            set(c, id, "quota_total", quotaTotal);
            return null;
        });
    }

    private static void set(Connection c, long id, String column, Integer v) throws SQLException {
        if (v == null) return;
        // column is one of three constants above, never request data.
        try (PreparedStatement p = c.prepareStatement("UPDATE users SET " + column + " = ? WHERE id = ?")) {
            if (v < 0) p.setNull(1, Types.INTEGER);
            else p.setInt(1, v);
            p.setLong(2, id);
            p.executeUpdate();
        }
    }

    /** Every account with its number of live tokens. */
    public List<Map.Entry<User, Integer>> list() {
        return db.read(c -> {
            List<Map.Entry<User, Integer>> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT u.id, u.name, u.rate_per_minute, u.quota_per_day, u.quota_total, "
                    + "(SELECT COUNT(*) FROM tokens t WHERE t.user_id = u.id AND t.revoked_ms IS NULL) FROM users u ORDER BY u.name");
                    ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(Map.entry(user(r), r.getInt(6)));
            }
            return out;
        });
    }

    public Optional<User> user(String name) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, name, rate_per_minute, quota_per_day, quota_total FROM users WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(user(r)) : Optional.empty();
                }
            }
        });
    }

    /** The account a token acts for, or empty when it is malformed, unknown, revoked or wrong. */
    public Optional<Principal> authenticate(String token) {
        if (token == null) return Optional.empty();
        var m = TOKEN.matcher(token);
        if (!m.matches()) return Optional.empty();
        String id = m.group(1), secret = m.group(2);
        record Row(User user, String hash) {}
        Optional<Row> row = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT u.id, u.name, u.rate_per_minute, u.quota_per_day, u.quota_total, t.secret_hash "
                    + "FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ? AND t.revoked_ms IS NULL")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Row(user(r), r.getString(6))) : Optional.empty();
                }
            }
        });
        if (row.isEmpty()) {
            cache.remove(id);
            return Optional.empty();
        }
        byte[] sha = BlobStore.sha256().digest(secret.getBytes(StandardCharsets.US_ASCII));
        long now = clock.getAsLong();
        Verified v = cache.get(id);
        if (v != null && v.until() > now && MessageDigest.isEqual(v.secretSha(), sha)) return Optional.of(new Principal(row.get().user(), id));
        if (!verify(secret, row.get().hash())) return Optional.empty();
        cache.put(id, new Verified(sha, now + CACHE_MS));
        return Optional.of(new Principal(row.get().user(), id));
    }

    private boolean verify(String secret, String hash) {
        hashing.acquireUninterruptibly();
        try {
            return hasher.matches(secret, hash);
        } finally {
            hashing.release();
        }
    }

    /** Opens a browser session for a principal; returns the cookie's secret. */
    public String openSession(Principal who) {
        String secret = random(32);
        long now = clock.getAsLong();
        db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM sessions WHERE expires_ms < ?")) {
                p.setLong(1, now);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions (id_sha256, token_id, created_ms, expires_ms) VALUES (?, ?, ?, ?)")) {
                p.setString(1, BlobStore.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII)));
                p.setString(2, who.tokenId());
                p.setLong(3, now);
                p.setLong(4, now + SESSION_MS);
                p.executeUpdate();
            }
            return null;
        });
        return secret;
    }

    /** The principal of a live session whose token is not revoked. */
    public Optional<Principal> session(String secret) {
        if (secret == null || secret.length() != 43) return Optional.empty();
        String key = BlobStore.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII));
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT u.id, u.name, u.rate_per_minute, u.quota_per_day, u.quota_total, t.id FROM sessions s "
                    + "JOIN tokens t ON t.id = s.token_id JOIN users u ON u.id = t.user_id WHERE s.id_sha256 = ? AND s.expires_ms > ? AND t.revoked_ms IS NULL")) {
                p.setString(1, key);
                p.setLong(2, clock.getAsLong());
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Principal(user(r), r.getString(6))) : Optional.empty();
                }
            }
        });
    }

    public void closeSession(String secret) {
        if (secret == null) return;
        String key = BlobStore.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII));
        db.tx(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM sessions WHERE id_sha256 = ?")) {
                p.setString(1, key);
                return p.executeUpdate();
            }
        });
    }

    private static Optional<Long> userId(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM users WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    private void insertToken(Connection c, long userId, String id, String hash) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO tokens (id, user_id, secret_hash, created_ms) VALUES (?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setLong(2, userId);
            p.setString(3, hash);
            p.setLong(4, clock.getAsLong());
            p.executeUpdate();
        }
    }

    private static User user(ResultSet r) throws SQLException {
        return new User(r.getLong(1), r.getString(2), (Integer) r.getObject(3, Integer.class), (Integer) r.getObject(4, Integer.class), (Integer) r.getObject(5, Integer.class));
    }

    /** {token, id, secret}. */
    private static String[] newToken() {
        byte[] idBytes = new byte[10];
        RANDOM.nextBytes(idBytes);
        String id = base32(idBytes);
        String secret = random(32);
        return new String[] {"mcs_" + id + "_" + secret, id, secret};
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String base32(byte[] b) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder s = new StringBuilder();
        int buffer = 0, bits = 0;
        for (byte x : b) {
            buffer = (buffer << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                s.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return s.toString();
    }
}
