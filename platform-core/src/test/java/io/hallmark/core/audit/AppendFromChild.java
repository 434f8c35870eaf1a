package io.hallmark.core.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Map;

/**
 * Run in a second JVM by {@link DatabaseAuditLogTest}: appends events to the database at {@code args[0]} from
 * {@code args[2]} threads, {@code args[1]} events each, starting once the parent's first event is in, then prints
 * {@code APPENDED <n>}.
 */
public final class AppendFromChild {

    private AppendFromChild() {}

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        int perThread = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        try (HikariDataSource ds = new HikariDataSource(config);
                DatabaseAuditLog log = new DatabaseAuditLog(ds, true, 100, Clock.systemUTC())) {
            System.out.println("READY");
            System.out.flush();
            awaitFirstParentEvent(ds); // start while the parent is appending, so the two really run at once
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                workers[t] = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.append("child", "test.child", "t" + id, Map.of("i", i, "pid", ProcessHandle.current().pid()));
                    }
                });
                workers[t].start();
            }
            for (Thread w : workers) {
                w.join();
            }
        }
        System.out.println("APPENDED " + perThread * threads);
        System.out.flush();
    }

    private static void awaitFirstParentEvent(HikariDataSource ds) throws Exception {
        for (int i = 0; i < 12_000; i++) {
            try (var c = ds.getConnection(); var s = c.createStatement();
                    var rs = s.executeQuery("select count(*) from audit_events where actor = 'parent'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("The parent never appended");
    }
}
