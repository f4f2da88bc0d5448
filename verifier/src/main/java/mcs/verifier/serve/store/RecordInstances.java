package mcs.verifier.serve.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mcs.verifier.record.IndexCsv;

/**
 * The record's instances as the service knows them: each row of {@code proofs-data/index.csv} (invalid
 * instances left out), its file in the blob store, and for an MC2 descriptor the files it names. A claim
 * on one of them, or on an uploaded file with the same bytes, counts for the leaderboard of its problem
 * and tier.
 */
public final class RecordInstances {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param extraFiles files an instance descriptor names (MC2): name → SHA-256 */
    public record Item(String id, String tier, String problem, int n, long m, String knownAnswer, String fileName, String sha256, Map<String, String> extraFiles) {
        /** Every file a claim on it needs, by name. */
        public Map<String, String> files() {
            Map<String, String> f = new LinkedHashMap<>(extraFiles);
            f.put(fileName, sha256);
            return f;
        }
    }

    private final Database db;
    private final Submissions submissions;

    public RecordInstances(Database db, Submissions submissions) {
        this.db = db;
        this.submissions = submissions;
    }

    /** Loads {@code record/index.csv} into the blob store and the table; returns how many instances. */
    public int load(Path record, BlobStore blobs) throws IOException {
        Path index = record.resolve(IndexCsv.FILE);
        if (!Files.isRegularFile(index)) return 0;
        List<Item> items = new ArrayList<>();
        for (IndexCsv.Row r : IndexCsv.read(index)) {
            if (r.knownAnswer().equals("INVALID")) continue;
            Path file = record.resolve(r.instance());
            BlobStore.Blob b = put(blobs, file);
            Map<String, String> extra = new LinkedHashMap<>();
            if (file.getFileName().toString().endsWith(".json")) {
                JsonNode d = JSON.readTree(file.toFile());
                for (String k : List.of("a", "omega")) {
                    if (d.path(k).isTextual()) {
                        String name = d.get(k).asText();
                        extra.put(name, put(blobs, file.getParent().resolve(name)).sha256());
                    }
                }
            }
            items.add(new Item(r.id(), r.tier(), r.problem(), r.n(), r.m(), r.knownAnswer(), file.getFileName().toString(), b.sha256(), extra));
        }
        db.tx(c -> {
            for (Item it : items) upsert(c, it);
            return null;
        });
        return items.size();
    }

    private BlobStore.Blob put(BlobStore blobs, Path file) throws IOException {
        String sha = BlobStore.sha256Hex(Files.readAllBytes(file));
        if (blobs.find(sha).isPresent() && submissions.blobKnown(sha)) return new BlobStore.Blob(sha, Files.size(file));
        try (InputStream in = Files.newInputStream(file)) {
            BlobStore.Blob b = blobs.put(in, Long.MAX_VALUE);
            submissions.registerBlob(b.sha256(), b.size());
            return b;
        }
    }

    private static void upsert(java.sql.Connection c, Item it) throws SQLException {
        String extra;
        try {
            extra = JSON.writeValueAsString(it.extraFiles());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        {
            int k;
            try (PreparedStatement p = c.prepareStatement("UPDATE record_instances SET tier = ?, problem = ?, n = ?, m = ?, known_answer = ?, file_name = ?, sha256 = ?, "
                    + "extra_files = ? WHERE id = ?")) {
                bind(p, it, extra);
                k = p.executeUpdate();
            }
            if (k == 0) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO record_instances (tier, problem, n, m, known_answer, file_name, sha256, extra_files, id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(p, it, extra);
                    p.executeUpdate();
                }
            }
        }
    }

    private static void bind(PreparedStatement p, Item it, String extra) throws SQLException {
        p.setString(1, it.tier());
        p.setString(2, it.problem());
        p.setInt(3, it.n());
        p.setLong(4, it.m());
        p.setString(5, Text.cap(it.knownAnswer(), 4000));
        p.setString(6, it.fileName());
        p.setString(7, it.sha256());
        p.setString(8, extra);
        p.setString(9, it.id());
    }

    /** Every instance, by problem, tier and id. */
    public List<Item> all() {
        return db.read(c -> {
            List<Item> l = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, tier, problem, n, m, known_answer, file_name, sha256, extra_files FROM record_instances ORDER BY problem, tier, id");
                    ResultSet r = p.executeQuery()) {
                while (r.next()) l.add(item(r));
            }
            return l;
        });
    }

    public Optional<Item> byId(String id) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, tier, problem, n, m, known_answer, file_name, sha256, extra_files FROM record_instances WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(item(r)) : Optional.empty();
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Item item(ResultSet r) throws SQLException {
        Map<String, String> extra;
        try {
            extra = JSON.readValue(r.getString(9), LinkedHashMap.class);
        } catch (IOException e) {
            throw new SQLException("bad extra_files of record instance " + r.getString(1), e);
        }
        return new Item(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getLong(5), r.getString(6), r.getString(7), r.getString(8), extra);
    }
}
