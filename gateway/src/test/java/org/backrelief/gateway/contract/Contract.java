package org.backrelief.gateway.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;

/** The committed public contract and how it is written (stable, diff-friendly JSON). */
public final class Contract {

    /** Relative to the gateway module (the tests' working directory). */
    public static final Path COMMITTED = Path.of("src", "main", "openapi", "v1.json");

    /** The one command that rewrites {@link #COMMITTED} from the services' current documents. */
    public static final String REGENERATE_COMMAND = "flock /tmp/backrelief-maven.lock ./mvnw -B -ntp "
            + "-pl catalog-service,planner-service,tracking-service,gateway -am verify "
            + "-Dtest=PublicContractTest#theCommittedContractIsGeneratedFromTheServicesDocuments -Dsurefire.failIfNoSpecifiedTests=false -Dcontract.regenerate=true";

    private static volatile JsonNode committed;

    private Contract() {
    }

    public static JsonNode committed() {
        JsonNode document = committed;
        if (document == null) {
            try {
                document = ContractGenerator.MAPPER.readTree(COMMITTED.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the contract " + COMMITTED.toAbsolutePath(), e);
            }
            committed = document;
        }
        return document;
    }

    public static String write(JsonNode document) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return ContractGenerator.MAPPER.writer(printer).writeValueAsString(document) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void save(Path file, JsonNode document) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, write(document), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
