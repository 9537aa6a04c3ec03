package org.backrelief.planner.profile;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;

@ApplicationScoped
public class ProfileRepository implements PanacheMongoRepositoryBase<ProfileEntity, String> {
}
