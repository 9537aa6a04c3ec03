package org.backrelief.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM a service runs on and what it is given to start fast ({@link StartCache}).
 * <p>
 * By default the launcher's own JVM with the AppCDS archive the build made ({@code app-cds.jsa}, Java 17). Quarkus
 * records that archive from its static initialisation only, so what a service loads while it starts for real (the
 * MongoDB and Kafka clients, the HTTP server) is not in it. {@link #recordingArchives} keeps one class-data archive
 * per service recorded by a real run instead (Java 13+ {@code -XX:ArchiveClassesAtExit}, written when the service
 * stops; the planner alone ready in 1.4-2.0 s against 1.8-2.4 s with the build's, BENCHMARKS.md). With a JDK 25 or newer
 * ({@link #withAotCache}), each service gets an AOT cache (JEP 483/514/515: classes loaded and linked, method
 * profiles) the same way. In both, a start without one records it, later starts use it, and one older than anything
 * in the service's app folder is recorded again, since the JVM refuses one whose class path changed.
 */
public record ServiceJvm(Path java, StartCache startCache, Optional<Path> cacheDir) {

    /** What a service's JVM is given to start fast. */
    public enum StartCache {
        /** The build's {@code app-cds.jsa}, when there is one. */
        BUILD_ARCHIVE(null, null, null, List.of()),
        /**
         * A class-data archive per service, recorded by its previous run (any JDK 13+). The JVM's own notes on what it
         * could not archive would go to the service's log at every stop: silenced.
         */
        RECORDED_ARCHIVE(".jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", List.of("-Xlog:cds*=off")),
        /** An AOT cache per service, recorded by its previous run (JDK 25+). */
        AOT_CACHE(".aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=", List.of());

        final String suffix;
        final String recordOption;
        final String useOption;
        final List<String> moreOptions;

        StartCache(String suffix, String recordOption, String useOption, List<String> moreOptions) {
            this.suffix = suffix;
            this.recordOption = recordOption;
            this.useOption = useOption;
            this.moreOptions = moreOptions;
        }
    }

    /** The first Java release with {@code -XX:AOTCacheOutput} (record and create in one run). */
    public static final int AOT_CACHE_RELEASE = 25;
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** The launcher's own JVM, with the build's AppCDS archive. */
    public static ServiceJvm launcher() {
        return new ServiceJvm(launcherJava(), StartCache.BUILD_ARCHIVE, Optional.empty());
    }

    /** The launcher's own JVM, with one class-data archive per service recorded by its previous run in {@code dir}. */
    public static ServiceJvm recordingArchives(Path dir) {
        return new ServiceJvm(launcherJava(), StartCache.RECORDED_ARCHIVE, Optional.of(dir));
    }

    /** The JDK in {@code javaHome} (25 or newer) with one AOT cache per service in {@code aotCacheDir}. */
    public static ServiceJvm withAotCache(Path javaHome, Path aotCacheDir) {
        int release = release(javaHome);
        if (release < AOT_CACHE_RELEASE) {
            throw new IllegalArgumentException(javaHome + " is Java " + release + "; an AOT cache needs Java "
                    + AOT_CACHE_RELEASE + " or newer");
        }
        return new ServiceJvm(javaHome.resolve("bin").resolve("java"), StartCache.AOT_CACHE, Optional.of(aotCacheDir));
    }

    /** The file {@code service}'s recorded cache is kept in; empty with the build's archive. */
    public Optional<Path> cacheFile(String service) {
        return cacheDir.map(dir -> dir.resolve(service + startCache.suffix).toAbsolutePath());
    }

    private static Path launcherJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The major version a JDK's {@code release} file names. */
    public static int release(Path javaHome) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            if (version.find()) {
                return Integer.parseInt(version.group(1));
            }
        } catch (IOException e) {
            // not a JDK folder: reported below
        }
        throw new IllegalArgumentException(javaHome + " is not a JDK folder (no readable 'release' file)");
    }

    /** The options that make {@code service} (packaged in {@code appDir}) start fast on this JVM. */
    List<String> startOptions(String service, Path appDir) {
        if (startCache == StartCache.BUILD_ARCHIVE) {
            // the archive records the class path as the build ran it: relative to the app folder
            return Files.isRegularFile(appDir.resolve(ServiceProcess.APPCDS_ARCHIVE))
                    ? List.of("-XX:SharedArchiveFile=" + ServiceProcess.APPCDS_ARCHIVE) : List.of();
        }
        Path cache = cacheFile(service).orElseThrow();
        try {
            Files.createDirectories(cache.getParent());
            List<String> options = new ArrayList<>();
            // an empty file is what a JVM killed while it wrote the cache leaves: record again
            if (Files.isRegularFile(cache) && Files.size(cache) > 0 && !newerThan(appDir, Files.getLastModifiedTime(cache))) {
                options.add(startCache.useOption + cache);
            } else {
                Files.deleteIfExists(cache);
                options.add(startCache.recordOption + cache);
            }
            options.addAll(startCache.moreOptions);
            return List.copyOf(options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the start cache folder " + cache.getParent(), e);
        }
    }

    private static boolean newerThan(Path appDir, FileTime time) throws IOException {
        try (Stream<Path> files = Files.walk(appDir)) {
            return files.anyMatch(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(time) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }
}
