package org.backrelief.planner.budget;

import jakarta.inject.Singleton;

import org.backrelief.testing.mongo.MongoCommands;

import com.mongodb.event.CommandListener;

/** {@link MongoCommands} on the planner's client (names the interface so the MongoDB extension registers it). */
@Singleton
public class PlannerMongoCommands extends MongoCommands implements CommandListener {
}
