package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.testing.StandardReaders;
import io.hallmark.search.solrcloud.RetrievalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker/compose.yaml} and {@code docker/Dockerfile}, read as Docker would read them (no Docker engine runs on
 * the build machines, so they are not started here): the compose file parses (anchors and merge keys resolved, with
 * SnakeYAML, the YAML library Jackson's YAML format uses), every {@code HALLMARK_*} variable it or the image sets is a
 * real setting and the nodes' environment loads as a valid configuration on both retrieval backends, the nodes reach
 * PostgreSQL and ZooKeeper under the service names, port and credentials the file gives them, and the image it builds
 * exists and copies every module of the build.
 */
class ComposeFileTest {

    private static final Path ROOT = StandardReaders.repositoryRoot().toAbsolutePath().normalize();
    private static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?([-?])([^}]*))?}");
    private static final List<String> NODES = List.of("node1", "node2", "node3");

    @TempDir
    Path dataDir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        return (Map<String, Object>) yaml.load(Files.readString(COMPOSE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).as("services of %s", COMPOSE).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> out = new LinkedHashMap<>();
        Object env = service.get("environment");
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object entry : list) {
                String[] kv = String.valueOf(entry).split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return out;
    }

    /** What compose makes of {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:?error}} given {@code shell}. */
    private static String interpolate(String value, Map<String, String> shell) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String set = shell.get(m.group(1));
            String replacement;
            if (set != null && !set.isEmpty()) {
                replacement = set;
            } else if ("-".equals(m.group(2))) {
                replacement = m.group(3);
            } else if ("?".equals(m.group(2))) {
                throw new AssertionError("compose would refuse to start without " + m.group(1) + ": " + m.group(3));
            } else {
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The {@code ENV} settings of the Dockerfile's last stage (the image the nodes run). */
    private static Map<String, String> imageEnvironment(String dockerfile) {
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Map<String, String> out = new HashMap<>();
        Matcher env = Pattern.compile("(?m)^ENV ((?:.*\\\\\\n)*.*)$").matcher(runtime);
        while (env.find()) {
            for (String pair : env.group(1).replace("\\\n", " ").trim().split("\\s+")) {
                String[] kv = pair.split("=", 2);
                out.put(kv[0], kv[1]);
            }
        }
        return out;
    }

    @Test
    void everyHallmarkVariableIsARealSettingAndTheNodesLoadAValidConfigurationOnBothBackends() throws Exception {
        Map<String, Object> compose = compose();
        List<String> settings = Arrays.stream(ConfigKey.values()).map(ConfigKey::envVar).toList();
        Map<String, String> image = imageEnvironment(Files.readString(ROOT.resolve("docker/Dockerfile")));
        assertThat(image).containsKeys("HALLMARK_DATA_DIR", "HALLMARK_HOST", "HALLMARK_PORT");
        assertThat(image.keySet()).as("the image's HALLMARK_* variables").allMatch(settings::contains);

        for (String node : NODES) {
            Map<String, String> env = environment(service(compose, node));
            List<String> hallmark = env.keySet().stream().filter(k -> k.startsWith("HALLMARK_")).toList();
            assertThat(hallmark).as("%s passes the database settings", node)
                    .contains("HALLMARK_DB_URL", "HALLMARK_DB_USER", "HALLMARK_DB_PASSWORD", "HALLMARK_RETRIEVAL_BACKEND");
            assertThat(hallmark).as("every HALLMARK_* variable of %s is a setting (ConfigKey)", node)
                    .allMatch(settings::contains);

            for (String backend : List.of("", "solrcloud")) {
                Map<String, String> shell = Map.of("HALLMARK_DB_PASSWORD", "change-me", "HALLMARK_RETRIEVAL_BACKEND",
                        backend);
                Map<String, String> effective = new HashMap<>(image);
                env.forEach((k, v) -> effective.put(k, interpolate(v, shell)));
                Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
                flags.put(ConfigKey.DATA_DIR, dataDir.toString()); // the image's data directory does not exist here
                HallmarkConfig config = new ConfigLoader(effective).load(flags);
                assertThat(config.host()).isEqualTo("0.0.0.0");
                assertThat(config.port()).isEqualTo(8080);
                assertThat(config.embeddedDatabase()).isFalse();
                assertThat(config.dbPassword()).isEqualTo("change-me");
                RetrievalBackend retrieval = config.retrievalBackend();
                if (backend.isEmpty()) {
                    assertThat(retrieval).isEqualTo(RetrievalBackend.LOCAL);
                } else {
                    assertThat(retrieval.kind()).isEqualTo(RetrievalBackend.Kind.SOLRCLOUD);
                    assertThat(retrieval.solrCloud().zkHost()).isEqualTo("zookeeper:2181");
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNodesReachPostgresqlAndTheSearchClusterUnderTheNamesTheFileGivesThem() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, String> postgres = environment(service(compose, "postgres"));
        assertThat((String) service(compose, "postgres").get("image")).startsWith("postgres:");
        Path dockerfile = ROOT.resolve("docker/Dockerfile");
        String dataDir = imageEnvironment(Files.readString(dockerfile)).get("HALLMARK_DATA_DIR");
        List<String> hostPorts = new ArrayList<>();
        for (String node : NODES) {
            Map<String, Object> service = service(compose, node);
            assertThat(service.get("profiles")).as("%s runs without a profile", node).isNull();
            Map<String, String> env = environment(service);
            assertThat(env.get("HALLMARK_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
            assertThat(env.get("HALLMARK_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(interpolate(env.get("HALLMARK_DB_PASSWORD"), Map.of("HALLMARK_DB_PASSWORD", "pw")))
                    .isEqualTo(interpolate(postgres.get("POSTGRES_PASSWORD"), Map.of("HALLMARK_DB_PASSWORD", "pw")));
            assertThat((Map<String, Object>) service.get("depends_on")).containsKey("postgres");

            // the image it builds is this repository's Dockerfile
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            Path context = COMPOSE.getParent().resolve(String.valueOf(build.get("context"))).normalize();
            assertThat(context).isEqualTo(ROOT.normalize());
            assertThat(context.resolve(String.valueOf(build.get("dockerfile")))).isEqualTo(dockerfile).isRegularFile();

            // no state volume: only the knowledge-base cache, at the image's <data-dir>/kb
            List<String> volumes = (List<String>) service.get("volumes");
            assertThat(volumes).hasSize(1);
            String[] volume = volumes.getFirst().split("#")[0].trim().split(":");
            assertThat(volume[1]).isEqualTo(dataDir + "/kb");
            assertThat((Map<String, Object>) compose.get("volumes")).containsKey(volume[0]);
            hostPorts.addAll(ports(service));
        }

        // profile "search": ZooKeeper where the nodes' solrcloud.zk-host points, and Solr of the SolrJ version built
        Map<String, Object> zookeeper = service(compose, "zookeeper");
        assertThat((List<String>) zookeeper.get("profiles")).containsExactly("search");
        String solrVersion = property(Files.readString(ROOT.resolve("pom.xml")), "solr.version");
        String zkHost = interpolate(environment(service(compose, "node1")).get("HALLMARK_SOLRCLOUD_ZK_HOST"), Map.of());
        assertThat(zkHost).isEqualTo("zookeeper:2181");
        for (String solr : List.of("solr1", "solr2")) {
            Map<String, Object> service = service(compose, solr);
            assertThat((List<String>) service.get("profiles")).containsExactly("search");
            assertThat(environment(service)).containsEntry("ZK_HOST", zkHost).containsEntry("SOLR_HOST", solr);
            String image = String.valueOf(service.get("image"));
            assertThat(image).startsWith("solr:");
            assertThat(solrVersion).as("Solr image %s next to SolrJ %s", image, solrVersion)
                    .startsWith(image.substring("solr:".length()));
            assertThat((Map<String, Object>) service.get("depends_on")).containsKey("zookeeper");
            hostPorts.addAll(ports(service));
        }
        assertThat(hostPorts).as("host ports").doesNotHaveDuplicates();
    }

    @Test
    void theDockerfileCopiesEveryModuleOfTheBuild() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1));
        }
        assertThat(modules).contains("app", "search-solrcloud");
        for (String m : modules) {
            assertThat(dockerfile).as("the build stage copies module %s", m).contains("\nCOPY " + m + " " + m + "\n");
            assertThat(ROOT.resolve(m).resolve("pom.xml")).isRegularFile();
        }
        assertThat(dockerfile).contains("COPY .mvn .mvn").contains("COPY mvnw pom.xml ./");
        assertThat(ROOT.resolve(".mvn/wrapper")).isDirectory();
        // the classes the image runs
        Matcher entry = Pattern.compile("\"(io\\.hallmark\\.app\\.[A-Za-z]+)\"").matcher(dockerfile);
        List<String> classes = new ArrayList<>();
        while (entry.find()) {
            classes.add(entry.group(1));
        }
        assertThat(classes).contains("io.hallmark.app.Main", "io.hallmark.app.HealthProbe");
        for (String c : classes) {
            Class.forName(c, false, getClass().getClassLoader());
        }
    }

    private static List<String> ports(Map<String, Object> service) {
        Object ports = service.get("ports");
        return ports == null ? List.of()
                : ((List<?>) ports).stream().map(p -> String.valueOf(p).split(":")[0]).toList();
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as("property %s in the root pom", name).isTrue();
        return m.group(1);
    }
}
