package org.backrelief.testing.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Counts the MongoDB commands (round trips) one operation issues, for query-budget tests. The sync driver calls a
 * listener on the thread that issues the command, so only the measured call's own commands count, not a background
 * consumer's or a scheduled check's.
 * <p>
 * To register it on a service's client, declare in the service's test sources a bean that names the interface again
 * (the Quarkus MongoDB extension collects the {@link CommandListener} implementors of the application's index, and
 * this jar is not indexed): {@code @Singleton class ServiceMongoCommands extends MongoCommands implements
 * CommandListener {}}.
 */
public class MongoCommands implements CommandListener {

    /** One command as it went to the server: its name and the collection it addressed. */
    public record Command(String name, String collection) {
        @Override
        public String toString() {
            return name + " " + collection;
        }
    }

    private final ThreadLocal<List<Command>> recording = new ThreadLocal<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<Command> commands = recording.get();
        if (commands != null) {
            BsonDocument command = event.getCommand();
            BsonValue target = command.get(event.getCommandName());
            commands.add(new Command(event.getCommandName(),
                    target != null && target.isString() ? target.asString().getValue() : ""));
        }
    }

    /** Runs {@code operation} on this thread and answers the commands it sent. */
    public List<Command> during(Runnable operation) {
        return during(() -> {
            operation.run();
            return null;
        }).commands();
    }

    public <T> Measured<T> during(Supplier<T> operation) {
        List<Command> commands = new ArrayList<>();
        recording.set(commands);
        try {
            return new Measured<>(operation.get(), List.copyOf(commands));
        } finally {
            recording.remove();
        }
    }

    /** What the operation answered and the commands it sent, in order. */
    public record Measured<T>(T result, List<Command> commands) {
    }
}
