package org.backrelief.gateway.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backrelief.infra.BackReliefServices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The event contract {@code api-client/asyncapi.yaml}: validates record values and headers against its messages. */
public final class AsyncContract {

    private static final String BASE = "https://backrelief.org/contract/asyncapi.json";

    private final JsonNode document;
    private final JsonSchemaFactory factory;

    public AsyncContract(JsonNode document) {
        this.document = document;
        // the document's own "id" is AsyncAPI metadata; as a JSON Schema keyword it would be read as a schema id
        com.fasterxml.jackson.databind.node.ObjectNode copy = document.deepCopy();
        copy.remove("id");
        String text = copy.toString();
        // AsyncAPI 2.6 schema objects are a superset of JSON Schema draft 7
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, text))));
    }

    public static AsyncContract load() {
        Path file = BackReliefServices.findRepositoryRoot(Path.of("")).resolve("api-client/asyncapi.yaml");
        try {
            return new AsyncContract(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** The problems of {@code value} as a payload of the message {@code message} (components.messages). */
    public List<String> checkPayload(String message, JsonNode value) {
        return check("#/components/messages/" + message + "/payload", value);
    }

    /** The problems of {@code headers} (name to text) as the headers of the message {@code message}. */
    public List<String> checkHeaders(String message, JsonNode headers) {
        return check("#/components/messages/" + message + "/headers", headers);
    }

    private List<String> check(String pointer, JsonNode value) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + pointer));
        List<String> errors = new ArrayList<>();
        for (ValidationMessage message : schema.validate(value)) {
            errors.add(message.getMessage());
        }
        return errors;
    }
}
