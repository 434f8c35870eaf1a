package io.hallmark.core.plugin;

import io.hallmark.api.CheckInput;
import io.hallmark.api.CheckOutcome;
import io.hallmark.api.CheckResult;
import io.hallmark.api.ClaimVerifier;
import io.hallmark.api.GovernanceCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs plugins' governance checks and claim verifiers through the {@link PluginInvoker} (same deadlines, host
 * context and circuit breakers as generation). A check that throws, hangs past the deadline or returns nothing
 * yields an UNDECIDED result that says why instead of an exception, so one broken check never blocks governance.
 * Plugins on the sandbox channel never judge production content.
 */
final class PluginCheckRunner {

    private final PluginInvoker invoker;
    private final LoadedPlugins loaded;

    PluginCheckRunner(PluginInvoker invoker, LoadedPlugins loaded) {
        this.invoker = invoker;
        this.loaded = loaded;
    }

    /**
     * Runs every enabled plugin's governance checks that apply to the content's modality. A check that throws,
     * hangs past the deadline or returns nothing yields an UNDECIDED result that says why, so one broken check
     * never blocks the governance stage; its failures count towards its plugin's circuit breaker.
     */
    List<CheckResult> runChecks(CheckInput input, CallOptions options) {
        List<CheckResult> results = new ArrayList<>();
        for (String pluginId : invoker.enabledIds()) {
            if (loaded.sandboxed.contains(pluginId)) {
                continue; // sandbox plugins never judge production content
            }
            PluginSlot slot;
            try {
                slot = invoker.acquire(pluginId, options.cancellation());
            } catch (PluginUnavailableException e) {
                continue; // removed while we iterated
            }
            try {
                for (GovernanceCheck check : slot.checks()) {
                    if (check.appliesTo(input.modality())) {
                        results.add(runCheck(slot, check, input, options));
                    }
                }
            } finally {
                slot.release(options.cancellation());
            }
        }
        return results;
    }

    /**
     * The claim verifiers ({@link ClaimVerifier} extensions) of enabled production plugins, as
     * {@code <plugin id>/<name>}, sorted; the fact checker gives each a vote.
     */
    List<String> claimVerifiers() {
        List<String> out = new ArrayList<>();
        for (String pluginId : invoker.enabledIds()) {
            if (loaded.sandboxed.contains(pluginId)) {
                continue; // sandbox plugins never judge production content
            }
            PluginSlot slot = loaded.active.get(pluginId);
            if (slot != null) {
                slot.checks().stream().filter(c -> c instanceof ClaimVerifier).map(c -> pluginId + "/" + safeName(c))
                        .forEach(out::add);
            }
        }
        return out;
    }

    /**
     * Runs one claim verifier (named as by {@link #claimVerifiers()}) on a claim input
     * ({@link ClaimVerifier#input}), under the same timeout and circuit breaker as every check; an
     * UNDECIDED result when it cannot run (plugin disabled or removed, timeout, failure).
     */
    CheckResult runClaimVerifier(String qualifiedName, CheckInput input, CallOptions options) {
        int slash = qualifiedName.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("A claim verifier is named '<plugin id>/<name>', got '" + qualifiedName
                    + "'");
        }
        String pluginId = qualifiedName.substring(0, slash);
        String name = qualifiedName.substring(slash + 1);
        if (loaded.sandboxed.contains(pluginId)) {
            return undecided(qualifiedName, "plugin " + pluginId + " is on the sandbox channel");
        }
        PluginSlot slot;
        try {
            slot = invoker.acquire(pluginId, options.cancellation());
        } catch (PluginUnavailableException e) {
            return undecided(qualifiedName, "plugin " + pluginId + " is not enabled");
        }
        try {
            for (GovernanceCheck check : slot.checks()) {
                if (check instanceof ClaimVerifier && safeName(check).equals(name)) {
                    return runCheck(slot, check, input, options);
                }
            }
            return undecided(qualifiedName, "plugin " + pluginId + " has no claim verifier named " + name);
        } finally {
            slot.release(options.cancellation());
        }
    }

    private CheckResult runCheck(PluginSlot slot, GovernanceCheck check, CheckInput input, CallOptions options) {
        String name = slot.id() + "/" + safeName(check);
        if (!slot.breaker().allow()) {
            return undecided(name, "not run: " + slot.breaker().describe());
        }
        Duration timeout = invoker.timeout(options);
        Instant deadline = Instant.now().plus(timeout);
        HostGeneratorContext context = invoker.context(slot, deadline, options);
        try {
            Future<CheckResult> future = invoker.submit(() -> check.check(input, context));
            CheckResult result;
            try {
                result = future.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                slot.breaker().failure("check " + name + " did not finish within " + timeout);
                return undecided(name, "did not finish within " + timeout);
            } catch (ExecutionException e) {
                slot.breaker().failure("check " + name + " failed: " + PluginSlot.describe(e.getCause()));
                return undecided(name, "failed: " + PluginSlot.describe(e.getCause()));
            }
            String problem = result == null ? "returned no result" : PluginInvoker.checkJsonValues(result.details(), "details");
            if (problem != null) {
                slot.breaker().failure("check " + name + " " + problem);
                return undecided(name, problem);
            }
            slot.breaker().success();
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return undecided(name, "interrupted");
        } finally {
            context.closeLeases();
        }
    }

    private static String safeName(GovernanceCheck check) {
        try {
            return check.name();
        } catch (RuntimeException e) {
            return check.getClass().getSimpleName();
        }
    }

    private static CheckResult undecided(String name, String why) {
        return new CheckResult(name, CheckOutcome.UNDECIDED, 0, "The check could not run: " + why, List.of(),
                Map.of("error", why));
    }
}
