package kg;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.Version;
import org.neo4j.server.CommunityBootstrapper;

/**
 * Runs a real Neo4j Community server (Bolt + HTTP + Browser) for kg.
 *
 * <p>This is the same code path as {@code neo4j console} ({@link CommunityBootstrapper}), not the
 * test harness: the harness keeps its store in a throw-away folder that it deletes on close,
 * whereas kg needs the data to survive restarts in a folder the user picked.
 *
 * <p>Usage (normally started by {@code kg/neo4j_server.py}, which owns the process):
 *
 * <pre>
 *   NEO4J_PASSWORD=... java -cp ... kg.KgNeo4jServer --home DIR
 *       [--listen-address 127.0.0.1] [--bolt-port 7687] [--http-port 7474] [--pagecache 256m]
 * </pre>
 *
 * <p>The password comes from the environment rather than argv so that it does not show up in
 * {@code ps}. Once the server accepts connections with it, a line starting with {@link
 * #READY_MARKER} is printed to stdout. The process then runs until SIGTERM/SIGINT, which Neo4j's
 * own signal handlers and shutdown hook turn into a clean shutdown.
 */
public final class KgNeo4jServer {

    /** Printed once the server is fully up; the Python launcher waits for it. */
    static final String READY_MARKER = "KG_NEO4J_READY";

    private static final String USER = "neo4j";
    /** Neo4j 5 rejects shorter passwords (dbms.security.auth_minimum_password_length). */
    private static final int MIN_PASSWORD_LENGTH = 8;

    private KgNeo4jServer() {}

    public static void main(String[] args) {
        // Neo4j redirects System.out into its own logging once started; keep the real stdout so
        // the ready line reaches the launcher's log file verbatim.
        PrintStream stdout = System.out;
        Map<String, String> opts;
        try {
            opts = parseArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kg-neo4j: " + e.getMessage());
            System.exit(2);
            return;
        }

        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            System.err.println("kg-neo4j: NEO4J_PASSWORD must be set and at least "
                    + MIN_PASSWORD_LENGTH + " characters long (Neo4j 5 rule)");
            System.exit(2);
        }

        Path home = Path.of(opts.get("home")).toAbsolutePath();
        System.setProperty(kg.guides.GuideResource.GUIDES_DIR_PROPERTY, home.resolve("guides").toString());
        String host = opts.get("listen-address");
        String boltPort = opts.get("bolt-port");
        String httpPort = opts.get("http-port");

        CommunityBootstrapper bootstrapper = new CommunityBootstrapper();
        // No neo4j.conf: everything kg cares about is set here, so a stray file cannot
        // silently change ports or turn authentication off.
        int rc = bootstrapper.start(home, null, serverConfig(host, boltPort, httpPort, opts), false, false);
        if (rc != 0) {
            // The bootstrapper has already logged why (port in use, store locked, ...).
            System.err.println("kg-neo4j: Neo4j failed to start (exit code " + rc + ")");
            System.exit(rc);
        }

        try {
            applyPassword(bootstrapper.getDatabaseManagementService(), password);
        } catch (RuntimeException e) {
            System.err.println("kg-neo4j: could not set the password of user '" + USER + "': " + e);
            bootstrapper.stop();
            System.exit(3);
        }

        stdout.println(READY_MARKER + " version=" + Version.getNeo4jVersion()
                + " bolt=" + host + ":" + boltPort + " http=" + host + ":" + httpPort);
        stdout.flush();
        // main() returns here on purpose, exactly like Neo4j's CommunityEntryPoint: the server's
        // non-daemon threads keep the JVM alive until a signal runs the shutdown hook.
    }

    private static Map<String, String> serverConfig(
            String host, String boltPort, String httpPort, Map<String, String> opts) {
        Map<String, String> cfg = new HashMap<>();
        // The launcher passes 127.0.0.1 unless told otherwise: a developer's server, not a shared one.
        cfg.put("server.default_listen_address", host);
        cfg.put("server.default_advertised_address", host);
        cfg.put("server.bolt.enabled", "true");
        cfg.put("server.bolt.listen_address", host + ":" + boltPort);
        cfg.put("server.bolt.advertised_address", host + ":" + boltPort);
        cfg.put("server.http.enabled", "true");
        cfg.put("server.http.listen_address", host + ":" + httpPort);
        cfg.put("server.http.advertised_address", host + ":" + httpPort);
        cfg.put("server.https.enabled", "false");
        cfg.put("dbms.security.auth_enabled", "true");
        cfg.put("server.memory.pagecache.size", opts.get("pagecache"));
        // The machine may have no route to the outside; don't let Neo4j try to phone home.
        cfg.put("dbms.usage_report.enabled", "false");
        cfg.put("client.allow_telemetry", "false");
        // kg's Browser guides (kg.guides.GuideResource, an unmanaged extension at /kg), readable
        // without logging in like Browser itself, and allowed as :play sources.
        cfg.put("server.unmanaged_extension_classes", "kg.guides=/kg");
        cfg.put("dbms.security.http_auth_allowlist", "/,/browser.*,/kg/guides/.*");
        cfg.put("browser.remote_content_hostname_whitelist",
                "guides.neo4j.com,localhost," + host + "," + host + ":" + httpPort + ",localhost:" + httpPort);
        // By the time Bolt's event loops shut down the databases are already checkpointed and
        // closed, so Netty's default 5 s quiet period (x2 loops) only makes `stop` 10 s slower.
        // Referenced through the constant so a rename breaks the build, not the start-up.
        cfg.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period.name(), "0");
        return cfg;
    }

    /**
     * Makes NEO4J_PASSWORD the password of user neo4j, without a forced change on first login.
     *
     * <p>Done on every start (not only the first) so that the environment stays the single source
     * of truth: a data folder created with another password keeps working once NEO4J_PASSWORD is
     * changed, instead of locking the user out. Embedded transactions run with full privileges,
     * so no credentials are needed here.
     *
     * <p>Bolt is already listening for the second or so before this runs; in that window only the
     * previous password is accepted (on a brand-new folder: neo4j/neo4j, which can do nothing but
     * change the password, and this ALTER overrides it). Acceptable for a loopback dev server, and
     * the launcher does not report the server ready until after this.
     */
    private static void applyPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to its current value. That is the normal case
            // on every restart; the password is already right, so only clear the change flag.
            String message = String.valueOf(e.getMessage());
            if (!message.contains("cannot be the same")) {
                throw e;
            }
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED");
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opts = new HashMap<>();
        opts.put("listen-address", "127.0.0.1");
        opts.put("bolt-port", "7687");
        opts.put("http-port", "7474");
        opts.put("pagecache", "256m");
        Set<String> known = Set.of("home", "listen-address", "bolt-port", "http-port", "pagecache");
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            opts.put(key, args[i + 1]);
        }
        if (!opts.containsKey("home")) {
            throw new IllegalArgumentException("--home DIR is required");
        }
        if (!Files.isDirectory(Path.of(opts.get("home")))) {
            throw new IllegalArgumentException("--home " + opts.get("home") + " is not a directory");
        }
        for (String port : new String[] {"bolt-port", "http-port"}) {
            try {
                Integer.parseInt(opts.get(port));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + port + " must be a number");
            }
        }
        return opts;
    }
}
