package org.backrelief.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTest {

    @TempDir
    Path dir;

    @Test
    void theLauncherJvmUsesTheBuildsAppCdsArchiveWhenThereIsOne() throws Exception {
        Path app = Files.createDirectories(dir.resolve("quarkus-app"));
        assertThat(ServiceJvm.launcher().startOptions("catalog-service", app)).isEmpty();
        Files.writeString(app.resolve(ServiceProcess.APPCDS_ARCHIVE), "archive");
        assertThat(ServiceJvm.launcher().startOptions("catalog-service", app))
                .containsExactly("-XX:SharedArchiveFile=app-cds.jsa");
    }

    @Test
    void aJdk25RecordsAnAotCacheThenUsesItUntilTheAppChanges() throws Exception {
        Path app = dir.resolve("quarkus-app");
        Files.createDirectories(app.resolve("lib"));
        Path jar = Files.writeString(app.resolve("lib/service.jar"), "classes");
        Path archive = Files.writeString(app.resolve(ServiceProcess.APPCDS_ARCHIVE), "Java 17's: not for a Java 25 JVM");
        for (Path built : new Path[] { jar, archive, app.resolve("lib"), app }) {
            Files.setLastModifiedTime(built, FileTime.from(Instant.now().minusSeconds(60)));
        }
        ServiceJvm jvm = ServiceJvm.withAotCache(jdk("25.0.3"), dir.resolve("aot"));
        Path cache = dir.resolve("aot/catalog-service.aot").toAbsolutePath();

        assertThat(jvm.java()).isEqualTo(dir.resolve("jdk/bin/java"));
        assertThat(jvm.startOptions("catalog-service", app)).containsExactly("-XX:AOTCacheOutput=" + cache);

        Files.writeString(cache, "recorded"); // what the JVM writes when the service stops
        assertThat(jvm.startOptions("catalog-service", app)).containsExactly("-XX:AOTCache=" + cache);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // rebuilt after the recording
        assertThat(jvm.startOptions("catalog-service", app)).containsExactly("-XX:AOTCacheOutput=" + cache);
        assertThat(cache).doesNotExist();
    }

    @Test
    void theLauncherJvmRecordsAnArchivePerServiceThenUsesItUntilTheAppChanges() throws Exception {
        Path app = dir.resolve("quarkus-app");
        Files.createDirectories(app.resolve("lib"));
        Path jar = Files.writeString(app.resolve("lib/service.jar"), "classes");
        for (Path built : new Path[] { jar, app.resolve("lib"), app }) {
            Files.setLastModifiedTime(built, FileTime.from(Instant.now().minusSeconds(60)));
        }
        ServiceJvm jvm = ServiceJvm.recordingArchives(dir.resolve("cds"));
        Path archive = dir.resolve("cds/planner-service.jsa").toAbsolutePath();

        assertThat(jvm.java()).isEqualTo(ServiceJvm.launcher().java());
        assertThat(jvm.startOptions("planner-service", app))
                .containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off");

        Files.writeString(archive, ""); // a JVM killed while it wrote the archive
        assertThat(jvm.startOptions("planner-service", app))
                .containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off");

        Files.writeString(archive, "recorded"); // what the JVM writes when the service stops
        assertThat(jvm.startOptions("planner-service", app))
                .containsExactly("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
        assertThat(jvm.startOptions("catalog-service", app)).as("one archive per service")
                .containsExactly("-XX:ArchiveClassesAtExit=" + dir.resolve("cds/catalog-service.jsa").toAbsolutePath(),
                        "-Xlog:cds*=off");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // rebuilt after the recording
        assertThat(jvm.startOptions("planner-service", app))
                .containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off");
        assertThat(archive).doesNotExist();
    }

    @Test
    void anOlderJdkOrNoJdkIsRefusedWithItsReason() throws Exception {
        assertThatThrownBy(() -> ServiceJvm.withAotCache(jdk("17.0.15"), dir.resolve("aot")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is Java 17")
                .hasMessageContaining("Java 25 or newer");
        assertThatThrownBy(() -> ServiceJvm.withAotCache(dir.resolve("nowhere"), dir.resolve("aot")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JDK folder");
    }

    private Path jdk(String version) throws Exception {
        Path home = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
