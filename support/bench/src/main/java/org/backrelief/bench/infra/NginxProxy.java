package org.backrelief.bench.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.backrelief.infra.FreePorts;

/**
 * The reverse-proxy baseline of the gateway section: nginx (Debian's {@code nginx-light}) as a plain keep-alive
 * reverse proxy in front of the same backends, so the gateway's cost is compared with what a standard proxy costs on
 * the same hop, in the same run. It proxies paths unchanged (no token check, no rewriting): catalog's and planner's
 * public paths, and tracking's {@code /api/v1/users/...}. Access log off, {@code worker_processes auto} (one per
 * core), upstream connections kept alive ({@code keepalive 64}, HTTP/1.1), as a production configuration would.
 */
public final class NginxProxy implements AutoCloseable {

    /** Where nginx is looked for: {@code BACKRELIEF_NGINX}, then Debian's path, then the PATH. */
    private static final List<String> CANDIDATES = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx",
            "/usr/local/nginx/sbin/nginx");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final String version;

    private NginxProxy(Process process, int port, String version) {
        this.process = process;
        this.port = port;
        this.version = version;
    }

    /** The nginx binary, if this machine has one. */
    public static Optional<Path> find() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("BACKRELIEF_NGINX");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(CANDIDATES);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(dir + "/nginx");
            }
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts nginx in the foreground with its own prefix folder under {@code workDir}.
     *
     * @param upstreams location prefix → backend base URL ({@code http://127.0.0.1:port}), longest prefix wins
     */
    public static NginxProxy start(Path binary, Path workDir, Map<String, String> upstreams) {
        try {
            Path prefix = Files.createDirectories(workDir.resolve("nginx"));
            Files.createDirectories(prefix.resolve("logs"));
            Files.createDirectories(prefix.resolve("temp"));
            int port = FreePorts.find("127.0.0.1");
            Path conf = prefix.resolve("nginx.conf");
            Files.writeString(conf, config(port, prefix, upstreams));
            Process process = new ProcessBuilder(binary.toString(), "-p", prefix + "/", "-c", conf.toString(),
                    "-g", "daemon off;").redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("logs/console.log").toFile()).start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!listening(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("nginx did not start; see " + prefix.resolve("logs"));
                }
                Thread.sleep(50);
            }
            return new NginxProxy(process, port, version(binary));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start nginx: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting nginx", e);
        }
    }

    static String config(int port, Path prefix, Map<String, String> upstreams) {
        StringBuilder http = new StringBuilder();
        StringBuilder locations = new StringBuilder();
        Map<String, String> names = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> e : upstreams.entrySet()) {
            String name = names.get(e.getValue());
            if (name == null) {
                name = "backend" + i++;
                names.put(e.getValue(), name);
                String hostPort = e.getValue().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
                http.append("    upstream ").append(name).append(" { server ").append(hostPort)
                        .append("; keepalive 64; }\n");
            }
        }
        for (Map.Entry<String, String> e : upstreams.entrySet()) {
            locations.append("    location ").append(e.getKey()).append(" { proxy_pass http://").append(names.get(e.getValue()))
                    .append("; }\n");
        }
        return """
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    keepalive_requests 100000;
                    client_max_body_size 256k;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_buffering on;
                %3$s
                    server {
                        listen 127.0.0.1:%2$d;
                %4$s    }
                }
                """.formatted(prefix, port, http.toString(), locations.toString().indent(4));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String version(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return out.replaceFirst("^nginx version: ", "");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String version() {
        return version;
    }

    /** The master and its workers, for the CPU accounting. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (process.isAlive()) {
            pids.put("nginx", process.pid());
            int n = 0;
            for (ProcessHandle worker : process.children().toList()) {
                pids.put("nginx worker " + ++n, worker.pid());
            }
        }
        return pids;
    }

    @Override
    public void close() {
        // SIGTERM is nginx's fast shutdown; the workers follow their master
        process.children().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.children().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
