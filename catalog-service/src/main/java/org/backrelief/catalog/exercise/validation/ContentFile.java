package org.backrelief.catalog.exercise.validation;

/**
 * Validation group for rules that apply only to content files: they must carry a {@code contentVersion} and guide
 * sections, and must not carry server-managed fields ({@code version}, {@code deleted}, ...).
 */
public interface ContentFile {
}
