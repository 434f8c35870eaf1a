package io.hallmark.core.testing;

import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a migrated {@link Database} of its own (or just its {@link DatabaseSettings}) in the
 * test JVM's one embedded PostgreSQL. Use with {@code @ExtendWith(PostgresExtension.class)} and take a
 * {@code Database} parameter in a constructor, {@code @BeforeAll} or test method.
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    /** The test JVM's PostgreSQL, started on first use. */
    public static TestPostgres postgres(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestPostgres.class, k -> TestPostgres.start(), TestPostgres.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Database.class || type == DatabaseSettings.class || type == TestPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TestPostgres.class) {
            return postgres(context);
        }
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        DatabaseSettings settings = store.getOrComputeIfAbsent(DatabaseSettings.class,
                k -> postgres(context).freshDatabase(context.getRequiredTestClass().getSimpleName()),
                DatabaseSettings.class);
        if (type == DatabaseSettings.class) {
            return settings;
        }
        return store.getOrComputeIfAbsent(Database.class, k -> Database.connect(settings), Database.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getParent().isPresent() && c.getTestMethod().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
