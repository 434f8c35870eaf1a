package io.hallmark.core.plugin;

import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.PluginRecord;
import io.hallmark.core.persistence.PluginState;
import io.hallmark.core.persistence.SigningKeyRecord;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The plugin host's records in PostgreSQL: installed plugin versions and trusted signing keys. */
public final class PluginStore {

    private final Database db;

    public PluginStore(Database db) {
        this.db = db;
    }

    /** The database these records are in (the plugin host keeps plugin settings there too). */
    Database database() {
        return db;
    }

    /** The current (not removed) record of every plugin, by id. */
    public List<PluginRecord> current() {
        return db.inTransaction(s -> s.createSelectionQuery(
                "from PluginRecord where state <> :removed order by pluginId", PluginRecord.class)
                .setParameter("removed", PluginState.REMOVED).getResultList());
    }

    public Optional<PluginRecord> current(String pluginId) {
        return db.inTransaction(s -> s.createSelectionQuery(
                "from PluginRecord where pluginId = :id and state <> :removed", PluginRecord.class)
                .setParameter("id", pluginId).setParameter("removed", PluginState.REMOVED)
                .uniqueResultOptional());
    }

    /** Saves a newly installed version and retires the previous one in the same transaction. */
    void saveInstall(PluginRecord installed, @Nullable UUID replaced, String actor) {
        db.useTransaction(s -> {
            if (replaced != null) {
                PluginRecord old = s.find(PluginRecord.class, replaced);
                old.changeState(PluginState.REMOVED, null, actor);
                s.flush();
            }
            s.persist(installed);
        });
    }

    void changeChannel(UUID recordId, io.hallmark.core.persistence.PluginChannel channel) {
        db.useTransaction(s -> s.find(PluginRecord.class, recordId).setChannel(channel));
    }

    void changeState(UUID recordId, PluginState state, @Nullable String failure, String actor) {
        db.useTransaction(s -> s.find(PluginRecord.class, recordId).changeState(state, failure, actor));
    }

    /** Keeps an archive's bytes so other nodes can load it; storing the same bytes twice keeps one copy. */
    void storeArchive(String sha256, java.nio.file.Path archive) {
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(archive);
        } catch (java.io.IOException e) {
            throw new PluginInstallException("Cannot read " + archive + ": " + e.getMessage(), e);
        }
        db.useTransaction(s -> s.createNativeMutationQuery(
                "insert into plugin_archives (sha256, content) values (:sha, :content) on conflict (sha256) do nothing")
                .setParameter("sha", sha256).setParameter("content", bytes).executeUpdate());
    }

    /** An archive's bytes by SHA-256, if stored. */
    Optional<byte[]> archive(String sha256) {
        return db.inTransaction(s -> s.createNativeQuery("select content from plugin_archives where sha256 = :sha",
                byte[].class).setParameter("sha", sha256).uniqueResultOptional());
    }

    /** The trusted, unrevoked key with this id. */
    public Optional<PublicKey> trustedKey(String keyId) {
        SigningKeyRecord record = db.inTransaction(s -> s.find(SigningKeyRecord.class, keyId));
        return record == null || !record.active() ? Optional.empty()
                : Optional.of(SigningKeys.parsePublicPem(record.publicKeyPem()));
    }

    /** Trusts a public key for signing plugins; trusting it again re-activates a revoked key. */
    public SigningKeyRecord trust(PublicKey key, String name, String actor) {
        String keyId = SigningKeys.keyId(key);
        return db.inTransaction(s -> {
            SigningKeyRecord existing = s.find(SigningKeyRecord.class, keyId);
            if (existing != null) {
                s.remove(existing);
                s.flush();
            }
            SigningKeyRecord record = new SigningKeyRecord(keyId, name, SigningKeys.publicPem(key), actor);
            s.persist(record);
            return record;
        });
    }

    /** Revokes a key: plugins it signed are refused from now on (also at the next start). */
    public boolean revoke(String keyId) {
        return db.inTransaction(s -> {
            SigningKeyRecord record = s.find(SigningKeyRecord.class, keyId);
            if (record == null || !record.active()) {
                return false;
            }
            record.revoke();
            return true;
        });
    }

    public List<SigningKeyRecord> keys() {
        return db.inTransaction(s -> s.createSelectionQuery("from SigningKeyRecord order by addedAt",
                SigningKeyRecord.class).getResultList());
    }
}
