package org.backrelief.planner.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Counts the MongoDB commands (round trips) one operation issues. Registered on the planner's client as a CDI bean
 * (the Quarkus MongoDB client adds every {@link CommandListener} bean); the sync driver calls it on the thread that
 * issues the command, so only the measured call's own commands count, not the outbox relay's or a sweep's.
 */
@Singleton
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

    public record Measured<T>(T result, List<Command> commands) {
    }
}
