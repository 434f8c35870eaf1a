package io.hallmark.core.plugin;

import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.input.TextInput;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.db.DatabaseUnavailableException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each plugin's settings (endpoint URLs, API keys, model names: what {@link io.hallmark.api.GeneratorContext#config()}
 * gives the plugin) in PostgreSQL ({@code plugin_config}), shared by every node: read at each plugin call, so a change
 * made on one node ({@code hallmark plugins settings}, {@code PUT /api/v1/plugins/{id}/settings}) applies to the next
 * call on every node. Changes are audited ({@code plugin.settings_changed}, key names only: values may be secrets).
 *
 * <p>A settings file {@code <plugins>/<id>.properties} on a node (how settings were kept before, one copy per node) is
 * imported when the node starts and whenever one appears later: its keys are written to the database (replacing those
 * keys' values, keeping others) and the file is renamed {@code <id>.properties.imported}, so nothing is lost and
 * nobody edits a file that no longer applies.
 */
public final class PluginConfigStore {

    private static final Logger log = LoggerFactory.getLogger(PluginConfigStore.class);

    /** A plugin id or setting key: letters, digits, dot, dash and underscore. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_VALUE_CHARS = 8_192;
    private static final int MAX_KEYS = 256;
    private static final String FILE_SUFFIX = ".properties";
    /** Values of keys naming one of these are shown masked. */
    private static final List<String> SECRET_WORDS = List.of("key", "secret", "token", "password", "credential");

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Path pluginsDir;

    public PluginConfigStore(DataSource dataSource, AuditLog audit, Path pluginsDir) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.pluginsDir = pluginsDir;
    }

    /**
     * A plugin's settings, by key (after importing its settings file on this node, if one appeared).
     *
     * @throws DatabaseUnavailableException when they cannot be read (the call must not run without them)
     */
    public Map<String, String> settings(String pluginId) {
        importFile(pluginId);
        return read(pluginId);
    }

    /**
     * Sets and removes settings of a plugin in one transaction (removals first), audited.
     *
     * @return the plugin's settings after the change
     * @throws InvalidRequestException when an id, key or value is not acceptable
     */
    public Map<String, String> change(String pluginId, Map<String, String> set, Set<String> unset, String actor) {
        checkName("pluginId", pluginId);
        if (set.size() + unset.size() > MAX_KEYS) {
            throw InvalidRequestException.of("settings", "At most " + MAX_KEYS + " settings may change at once");
        }
        set.forEach((k, v) -> {
            checkName("key", k);
            TextInput.checked("value of " + k, v, MAX_VALUE_CHARS);
        });
        unset.forEach(k -> checkName("key", k));
        if (set.isEmpty() && unset.isEmpty()) {
            return read(pluginId);
        }
        write(pluginId, set, unset, actor);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("set", new TreeSet<>(set.keySet()));
        payload.put("unset", new TreeSet<>(unset));
        audit.append(actor, "plugin.settings_changed", pluginId, payload);
        return read(pluginId);
    }

    /** Imports every settings file in the plugins folder (at start). */
    public void importFiles() {
        if (!Files.isDirectory(pluginsDir)) {
            return;
        }
        List<String> ids = new ArrayList<>();
        try (var files = Files.list(pluginsDir)) {
            files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(FILE_SUFFIX))
                    .map(n -> n.substring(0, n.length() - FILE_SUFFIX.length()))
                    .filter(id -> NAME.matcher(id).matches()).forEach(ids::add);
        } catch (IOException e) {
            log.warn("Cannot list plugin settings files in {}: {}", pluginsDir, e.getMessage());
            return;
        }
        ids.forEach(this::importFile);
    }

    /** A view of settings for people: values of keys that look secret (api-key, token, password) masked. */
    public static Map<String, String> masked(Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) -> out.put(k, secret(k) && !v.isEmpty() ? "********" : v));
        return out;
    }

    private static boolean secret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(k::contains);
    }

    /** Moves {@code <plugins>/<id>.properties}, when there is one, into the database. */
    private synchronized void importFile(String pluginId) {
        if (!NAME.matcher(pluginId).matches()) {
            return;
        }
        Path file = pluginsDir.resolve(pluginId + FILE_SUFFIX);
        if (!Files.isRegularFile(file)) {
            return;
        }
        Map<String, String> values = new TreeMap<>();
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read the plugin settings file {} (left in place, not imported): {}", file, e.getMessage());
            return;
        }
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
        try {
            change(pluginId, values, Set.of(), "file:" + file.getFileName());
        } catch (InvalidRequestException e) {
            log.warn("The plugin settings file {} is not imported (left in place): {}", file, e.getMessage());
            return;
        }
        Path done = file.resolveSibling(file.getFileName() + ".imported");
        try {
            Files.move(file, done, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Imported {} but cannot rename it to {} ({}); it will be imported again", file, done,
                    e.getMessage());
            return;
        }
        log.info("Imported {} settings of plugin {} from {} into the database, where every node reads them; the file "
                + "is kept as {}. Change them with `hallmark plugins settings {}`", values.size(), pluginId, file,
                done.getFileName(), pluginId);
    }

    private Map<String, String> read(String pluginId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select key, value from plugin_config where plugin_id = ?")) {
            ps.setString(1, pluginId);
            Map<String, String> out = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot read the settings of plugin '" + pluginId + "' from the "
                    + "database: " + e.getMessage(), e);
        }
    }

    private void write(String pluginId, Map<String, String> set, Set<String> unset, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        String who = actor.length() > 128 ? actor.substring(0, 128) : actor;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "delete from plugin_config where plugin_id = ? and key = ?")) {
                    for (String key : unset) {
                        ps.setString(1, pluginId);
                        ps.setString(2, key);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into plugin_config (plugin_id, key, value, updated_by, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (plugin_id, key) do update
                           set value = excluded.value, updated_by = excluded.updated_by,
                               updated_at = excluded.updated_at""")) {
                    for (Map.Entry<String, String> e : new TreeMap<>(set).entrySet()) {
                        ps.setString(1, pluginId);
                        ps.setString(2, e.getKey());
                        ps.setString(3, e.getValue());
                        ps.setString(4, who);
                        ps.setTimestamp(5, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot write the settings of plugin '" + pluginId + "': "
                    + e.getMessage(), e);
        }
    }

    private static void checkName(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw InvalidRequestException.of(field, "'" + value + "' is not a valid " + field + ": use letters, digits, "
                    + "'.', '-' and '_' (at most 128, starting with a letter or digit)");
        }
    }
}
