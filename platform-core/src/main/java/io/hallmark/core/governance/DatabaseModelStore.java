package io.hallmark.core.governance;

import com.fasterxml.jackson.core.type.TypeReference;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.governance.artifact.ArtifactKind;
import io.hallmark.governance.artifact.CanonicalJson;
import io.hallmark.governance.artifact.GovernanceArtifact;
import io.hallmark.governance.artifact.ModelStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Governance model artifacts in PostgreSQL ({@code governance_model}, {@code active_governance_model}): every node
 * on the database reads the same active versions. Training takes a session advisory lock per kind, so of several
 * nodes starting together one trains and the others wait, then load its artifact. Activations are audited
 * ({@code governance.model.activated}) when an audit log is given.
 */
public final class DatabaseModelStore implements ModelStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final DataSource dataSource;
    private final @Nullable AuditLog audit;

    public DatabaseModelStore(DataSource dataSource, @Nullable AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    @Override
    public Optional<GovernanceArtifact> active(String kind) {
        return activation(kind).flatMap(a -> find(a.sha256()));
    }

    @Override
    public Optional<Activation> activation(String kind) {
        return query("select kind, sha256, activated_by, activated_at from active_governance_model where kind = ?",
                ps -> ps.setString(1, kind), rs -> new Activation(rs.getString(1), rs.getString(2).strip(),
                        rs.getString(3), rs.getTimestamp(4).toInstant())).stream().findFirst();
    }

    @Override
    public Optional<GovernanceArtifact> find(String sha256) {
        return query("select kind, sha256, bytes, manifest::text from governance_model where sha256 = ?",
                ps -> ps.setString(1, sha256), rs -> new GovernanceArtifact(rs.getString(1), rs.getString(2).strip(),
                        rs.getBytes(3), json(rs.getString(4)))).stream().findFirst();
    }

    @Override
    public void put(GovernanceArtifact artifact) {
        update("insert into governance_model (sha256, kind, bytes, manifest, created_at) values (?, ?, ?, ?::jsonb, ?) "
                + "on conflict (sha256) do nothing", ps -> {
                    ps.setString(1, artifact.sha256());
                    ps.setString(2, artifact.kind());
                    ps.setBytes(3, artifact.bytes());
                    ps.setString(4, new String(CanonicalJson.bytes(artifact.manifest()),
                            java.nio.charset.StandardCharsets.UTF_8));
                    ps.setTimestamp(5, Timestamp.from(Instant.now()));
                });
    }

    @Override
    public void activate(String kind, String sha256, String who) {
        ArtifactKind.of(kind);
        GovernanceArtifact a = find(sha256).filter(x -> x.kind().equals(kind)).orElseThrow(() ->
                new IllegalArgumentException("No " + kind + " model " + sha256 + " in the database; list them with "
                        + "`hallmark models governance list`"));
        Optional<Activation> before = activation(kind);
        update("insert into active_governance_model (kind, sha256, activated_by, activated_at) values (?, ?, ?, ?) "
                + "on conflict (kind) do update set sha256 = excluded.sha256, activated_by = excluded.activated_by, "
                + "activated_at = excluded.activated_at", ps -> {
                    ps.setString(1, kind);
                    ps.setString(2, a.sha256());
                    ps.setString(3, who);
                    ps.setTimestamp(4, Timestamp.from(Instant.now()));
                });
        if (audit != null) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("kind", kind);
            payload.put("sha256", a.sha256());
            payload.put("previous", before.map(Activation::sha256).orElse(null));
            payload.put("codeVersion", a.manifest().get("codeVersion"));
            payload.put("settingsHash", a.manifest().get("settingsHash"));
            payload.put("trainingDataHash", a.manifest().get("trainingDataHash"));
            audit.append(who, "governance.model.activated", kind, payload);
        }
    }

    /**
     * Makes a stored artifact active when its kind has no active version yet, atomically: of several nodes doing so
     * at once, one wins and the others change nothing. Audited like {@link #activate} when it happens.
     *
     * @return whether this call activated it
     */
    public boolean activateIfNone(String kind, String sha256, String who) {
        ArtifactKind.of(kind);
        GovernanceArtifact a = find(sha256).filter(x -> x.kind().equals(kind)).orElseThrow(() ->
                new IllegalArgumentException("No " + kind + " model " + sha256 + " in the database"));
        int inserted;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into active_governance_model (kind, sha256, activated_by, activated_at) values (?, ?, ?, ?) "
                        + "on conflict (kind) do nothing")) {
            ps.setString(1, kind);
            ps.setString(2, a.sha256());
            ps.setString(3, who);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            inserted = ps.executeUpdate();
        } catch (SQLException e) {
            throw new HallmarkException("Cannot write the governance models: " + e.getMessage(), e);
        }
        if (inserted == 1 && audit != null) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("kind", kind);
            payload.put("sha256", a.sha256());
            payload.put("previous", null);
            payload.put("source", a.manifest().get("source"));
            audit.append(who, "governance.model.activated", kind, payload);
        }
        return inserted == 1;
    }

    @Override
    public List<Summary> list() {
        return query("select m.kind, m.sha256, length(m.bytes), m.manifest::text, m.created_at, a.sha256 is not null "
                + "from governance_model m left join active_governance_model a on a.kind = m.kind and a.sha256 = "
                + "m.sha256 order by m.created_at desc, m.sha256", ps -> {}, rs -> new Summary(rs.getString(1),
                        rs.getString(2).strip(), rs.getLong(3), json(rs.getString(4)), rs.getTimestamp(5).toInstant(),
                        rs.getBoolean(6)));
    }

    @Override
    public <T> T whileTraining(String kind, Supplier<T> work) {
        long key = ("hallmark-governance-training:" + kind).hashCode();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_lock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            }
            try {
                return work.get();
            } finally {
                try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
                    ps.setLong(1, key);
                    ps.execute();
                }
            }
        } catch (SQLException e) {
            throw new HallmarkException("Cannot take the governance training lock for " + kind + ": " + e.getMessage(),
                    e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read the governance models: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new HallmarkException("Cannot write the governance models: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> json(String text) {
        try {
            return CanonicalJson.MAPPER.readValue(text, MAP);
        } catch (IOException e) {
            throw new HallmarkException("Unreadable governance model manifest: " + e.getMessage(), e);
        }
    }
}
