package org.backrelief.tracking.budget;

import jakarta.inject.Singleton;

import org.backrelief.testing.mongo.MongoCommands;

import com.mongodb.event.CommandListener;

/** {@link MongoCommands} on the tracker's client (names the interface so the MongoDB extension registers it). */
@Singleton
public class TrackingMongoCommands extends MongoCommands implements CommandListener {
}
