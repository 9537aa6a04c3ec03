package org.backrelief.catalog.budget;

import jakarta.inject.Singleton;

import org.backrelief.testing.mongo.MongoCommands;

import com.mongodb.event.CommandListener;

/** {@link MongoCommands} on the catalog's client (names the interface so the MongoDB extension registers it). */
@Singleton
public class CatalogMongoCommands extends MongoCommands implements CommandListener {
}
