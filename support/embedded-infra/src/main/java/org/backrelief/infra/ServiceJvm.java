package org.backrelief.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM a service runs on and what it is given to start fast.
 * <p>
 * By default the launcher's own JVM with the AppCDS archive the build made ({@code app-cds.jsa}, Java 17). With a
 * JDK 25 or newer ({@link #withAotCache}), each service gets an AOT cache (JEP 483/514/515: classes loaded and
 * linked, method profiles) kept in {@code aotCacheDir}: a start without one records it (written when the service
 * stops), later starts use it. A cache older than anything in the service's app folder is recorded again, since the
 * JVM refuses a cache whose class path changed.
 */
public record ServiceJvm(Path java, Optional<Path> aotCacheDir) {

    /** The first Java release with {@code -XX:AOTCacheOutput} (record and create in one run). */
    public static final int AOT_CACHE_RELEASE = 25;
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** The launcher's own JVM, with the build's AppCDS archive. */
    public static ServiceJvm launcher() {
        return new ServiceJvm(Path.of(System.getProperty("java.home"), "bin", "java"), Optional.empty());
    }

    /** The JDK in {@code javaHome} (25 or newer) with one AOT cache per service in {@code aotCacheDir}. */
    public static ServiceJvm withAotCache(Path javaHome, Path aotCacheDir) {
        int release = release(javaHome);
        if (release < AOT_CACHE_RELEASE) {
            throw new IllegalArgumentException(javaHome + " is Java " + release + "; an AOT cache needs Java "
                    + AOT_CACHE_RELEASE + " or newer");
        }
        return new ServiceJvm(javaHome.resolve("bin").resolve("java"), Optional.of(aotCacheDir));
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
        if (aotCacheDir.isEmpty()) {
            // the archive records the class path as the build ran it: relative to the app folder
            return Files.isRegularFile(appDir.resolve(ServiceProcess.APPCDS_ARCHIVE))
                    ? List.of("-XX:SharedArchiveFile=" + ServiceProcess.APPCDS_ARCHIVE) : List.of();
        }
        try {
            Files.createDirectories(aotCacheDir.get());
            Path cache = aotCacheDir.get().resolve(service + ".aot").toAbsolutePath();
            if (Files.isRegularFile(cache) && !newerThan(appDir, Files.getLastModifiedTime(cache))) {
                return List.of("-XX:AOTCache=" + cache);
            }
            Files.deleteIfExists(cache);
            return List.of("-XX:AOTCacheOutput=" + cache);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the AOT cache folder " + aotCacheDir.get(), e);
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
