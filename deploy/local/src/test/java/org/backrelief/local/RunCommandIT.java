package org.backrelief.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.backrelief.infra.BackReliefServices;
import org.backrelief.infra.BackReliefServices.Service;
import org.backrelief.infra.FreePorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, end to end, from the built artifacts: everything becomes ready on loopback with health on
 * the management ports, one service restarts or stops alone, stop leaves no process behind and no ERROR in the logs,
 * a second start reuses the data, a taken port is a clear error, and help prints the usage.
 */
class RunCommandIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path root;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void findRoot() {
        root = BackReliefServices.findRepositoryRoot(Path.of(System.getProperty("backrelief.repository.root", "")));
    }

    @Test
    void startsEverythingStopsCleanlyAndReusesData() throws Exception {
        Map<String, String> env = freePortEnvironment();

        StackProcess first = StackProcess.start(root, env);
        int gatewayPort = Integer.parseInt(env.get("BACKRELIEF_GATEWAY_PORT"));
        String catalogBefore;
        try {
            for (Service service : Service.values()) {
                int port = Integer.parseInt(env.get("BACKRELIEF_" + service.name() + "_PORT"));
                int management = Integer.parseInt(env.get("BACKRELIEF_" + service.name() + "_MANAGEMENT_PORT"));
                assertThat(get(management, "/q/health/ready").statusCode()).as(service.folder + " ready").isEqualTo(200);
                assertThat(get(port, "/q/health/ready").statusCode()).as(service.folder + " public port: no health")
                        .isEqualTo(404);
                assertThat(get(port, "/q/metrics").statusCode()).as(service.folder + " public port: no metrics")
                        .isEqualTo(404);
                assertListensOnLoopbackOnly(port);
                assertListensOnLoopbackOnly(management);
            }
            assertThat(first.output()).contains("All services ready", "http://127.0.0.1:" + gatewayPort + "/api/v1",
                    "starting the four services together", "Kafka ready in", "MongoDB ready in")
                    .as("the launcher's own output has no ERROR line (e.g. the log manager's)").doesNotContain("ERROR");
            String token = runToCompletion(env, "token", "alice").trim();
            assertThat(token.split("\\.")).hasSize(3);
            HttpResponse<String> catalog = get(gatewayPort, "/api/v1/exercises?size=1");
            assertThat(catalog.statusCode()).as(catalog.body()).isEqualTo(200);
            catalogBefore = catalog.body();

            restartAndStopOneService(env, gatewayPort);
        } finally {
            stopAndAssertNothingLeft(env, first);
        }
        assertNoErrorInServiceLogs();
        assertThat(dataDir.resolve("kafka").resolve("cluster-id")).exists();
        assertThat(root.resolve("deploy/local/target/launcher-cds.jsa"))
                .as("the launcher's class-data archive, recorded when a stack stops, used by the next start").isNotEmptyFile();

        StackProcess second = StackProcess.start(root, env);
        try {
            assertThat(second.output()).contains("All services ready");
            assertThat(get(gatewayPort, "/api/v1/exercises?size=1").body()).isEqualTo(catalogBefore);
        } finally {
            stopAndAssertNothingLeft(env, second);
        }
    }

    @Test
    void refusesToStartWhenAPortIsTaken() throws Exception {
        Map<String, String> env = freePortEnvironment();
        int gatewayPort = Integer.parseInt(env.get("BACKRELIEF_GATEWAY_PORT"));
        try (ServerSocket squatter = new ServerSocket(gatewayPort, 1, InetAddress.getByName("127.0.0.1"))) {
            Process process = command(env, "up").start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(3);
            assertThat(output).contains("port " + gatewayPort, "already in use", "BACKRELIEF_GATEWAY_PORT");
        }
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        for (String help : List.of("help", "--help", "-h")) {
            String output = runToCompletion(freePortEnvironment(), help);
            assertThat(output).contains("Usage: ./run.sh", "restart <service>", "stop <service>", "token <user>",
                    "BACKRELIEF_BIND_ADDRESS").doesNotContain("Unknown command");
        }
    }

    /**
     * {@code restart <service>}, {@code stop <service>} and {@code start <service>}: one service goes and comes back,
     * the rest keeps serving.
     */
    private void restartAndStopOneService(Map<String, String> env, int gatewayPort) throws Exception {
        int plannerManagement = Integer.parseInt(env.get("BACKRELIEF_PLANNER_MANAGEMENT_PORT"));
        int trackingPort = Integer.parseInt(env.get("BACKRELIEF_TRACKING_PORT"));
        String restart = runToCompletion(env, "restart", "planner");
        assertThat(restart).contains("planner-service ready");
        assertThat(get(plannerManagement, "/q/health/ready").statusCode()).isEqualTo(200);

        String stop = runToCompletion(env, "stop", "tracking");
        assertThat(stop).contains("tracking-service stopped");
        assertThat(FreePorts.isFree("127.0.0.1", trackingPort)).as("tracking's port released").isTrue();
        assertThat(get(gatewayPort, "/api/v1/exercises?size=1").statusCode()).as("the rest keeps serving")
                .isEqualTo(200);
        assertThat(runToCompletion(env, "start", "tracking-service")).contains("tracking-service ready");

        Process unknown = command(env, "restart", "billing").start();
        String output = new String(unknown.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unknown.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(unknown.exitValue()).isEqualTo(2);
        assertThat(output).contains("Unknown service 'billing'");
    }

    /** An orderly stop (and start) logs no ERROR in any service. */
    private void assertNoErrorInServiceLogs() throws IOException {
        try (var logs = java.nio.file.Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.toList()) {
                List<String> errors = java.nio.file.Files.readAllLines(log).stream()
                        .filter(line -> line.contains(" ERROR ")).toList();
                assertThat(errors).as(log.getFileName() + " has ERROR lines").isEmpty();
            }
        }
    }

    /** Nothing answers on the port at this machine's network address (when it has one besides loopback). */
    private static void assertListensOnLoopbackOnly(int port) throws IOException {
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address instanceof java.net.Inet4Address) {
                    try (java.net.Socket socket = new java.net.Socket()) {
                        socket.connect(new java.net.InetSocketAddress(address, port), 1000);
                        throw new AssertionError("port " + port + " answers on " + address + ": not loopback only");
                    } catch (java.net.ConnectException | java.net.SocketTimeoutException expected) {
                        // refused: bound to 127.0.0.1 only
                    }
                }
            }
        }
    }

    @Test
    void unknownCommandIsAClearError() throws Exception {
        Process process = command(freePortEnvironment(), "launch").start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("Unknown command 'launch'", "Usage");
    }

    private void stopAndAssertNothingLeft(Map<String, String> env, StackProcess started) throws Exception {
        List<ProcessHandle> tree = new ArrayList<>(started.process().descendants().toList());
        tree.add(started.process().toHandle());
        assertThat(tree).hasSizeGreaterThanOrEqualTo(5);
        String stopOutput = runToCompletion(env, "stop");
        assertThat(stopOutput).contains("Stopped");
        assertThat(started.awaitExit(60)).isTrue();
        for (ProcessHandle handle : tree) {
            handle.onExit().get(15, TimeUnit.SECONDS);
            assertThat(handle.isAlive()).as("process " + handle.pid() + " left running").isFalse();
        }
        assertThat(started.output()).contains("stopped");
        for (String key : env.keySet()) {
            if (key.endsWith("_PORT")) {
                assertThat(FreePorts.isFree("127.0.0.1", Integer.parseInt(env.get(key)))).as(key + " released").isTrue();
            }
        }
    }

    private String runToCompletion(Map<String, String> env, String... args) throws Exception {
        return StackProcess.run(root, env, args);
    }

    private ProcessBuilder command(Map<String, String> env, String... args) {
        return StackProcess.command(root, env, args);
    }

    private Map<String, String> freePortEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("BACKRELIEF_DATA_DIR", dataDir.toString());
        for (Service service : Service.values()) {
            env.put("BACKRELIEF_" + service.name() + "_PORT", Integer.toString(FreePorts.find("127.0.0.1")));
            env.put("BACKRELIEF_" + service.name() + "_MANAGEMENT_PORT", Integer.toString(FreePorts.find("127.0.0.1")));
        }
        env.put("BACKRELIEF_KAFKA_PORT", Integer.toString(FreePorts.find("127.0.0.1")));
        env.put("BACKRELIEF_KAFKA_CONTROLLER_PORT", Integer.toString(FreePorts.find("127.0.0.1")));
        env.put("BACKRELIEF_MONGO_PORT", Integer.toString(FreePorts.find("127.0.0.1")));
        env.put("BACKRELIEF_OIDC_PORT", Integer.toString(FreePorts.find("127.0.0.1")));
        return env;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
