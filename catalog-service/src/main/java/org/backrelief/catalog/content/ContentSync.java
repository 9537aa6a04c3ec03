package org.backrelief.catalog.content;

import java.time.Instant;

/**
 * The rule that decides what a content file does to the stored exercise of the same id.
 * <ol>
 * <li>No stored exercise: insert it.</li>
 * <li>The file's {@code contentVersion} is not newer than the one last applied: nothing (a restart never rewrites
 * anything). If the same version has a different hash, someone changed the file without bumping its version: warn
 * and keep the stored exercise.</li>
 * <li>The file is newer and the exercise was not edited through the API since it was last loaded: update it.</li>
 * <li>The file is newer but the exercise was edited through the API (or created there): the API edit wins and the
 * file is not applied (warned and counted) - unless the file sets {@code replacesApiEditsBefore} to an instant after
 * that API edit, an explicit, reviewed decision in the data file to replace it.</li>
 * </ol>
 */
public final class ContentSync {

    private ContentSync() {
    }

    public enum Action {
        INSERT,
        UPDATE,
        UNCHANGED,
        /** Same contentVersion, different content: the file author forgot to bump the version. */
        CHANGED_WITHOUT_NEW_VERSION,
        /** A newer file, but an API edit wins. */
        KEEP_API_EDIT
    }

    /** What the database holds about the exercise; {@code contentVersion} is null for API-created exercises. */
    public record Stored(Integer contentVersion, String contentHash, boolean editedViaApi, Instant apiEditedAt) {
    }

    public static Action decide(Stored stored, int fileVersion, String fileHash, Instant replacesApiEditsBefore) {
        if (stored == null) {
            return Action.INSERT;
        }
        if (stored.contentVersion() != null && fileVersion <= stored.contentVersion()) {
            boolean sameVersionNewContent = fileVersion == stored.contentVersion()
                    && !fileHash.equals(stored.contentHash());
            return sameVersionNewContent ? Action.CHANGED_WITHOUT_NEW_VERSION : Action.UNCHANGED;
        }
        if (!stored.editedViaApi()) {
            return Action.UPDATE;
        }
        boolean apiEditIsOlder = replacesApiEditsBefore != null && stored.apiEditedAt() != null
                && stored.apiEditedAt().isBefore(replacesApiEditsBefore);
        return apiEditIsOlder ? Action.UPDATE : Action.KEEP_API_EDIT;
    }
}
