import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

/** deploy/kubernetes/validation */
export const VALIDATION_DIR = path.resolve(here, '..');
/** deploy/kubernetes */
export const KUBERNETES_DIR = path.resolve(VALIDATION_DIR, '..');
/** Repository root; BACKRELIEF_REPO_ROOT overrides it (used to test against a fixture tree). */
export const REPO_ROOT = process.env.BACKRELIEF_REPO_ROOT
  ? path.resolve(process.env.BACKRELIEF_REPO_ROOT)
  : path.resolve(KUBERNETES_DIR, '..', '..');

export const OVERLAYS = ['local', 'production'];

export const overlayDir = (name) => path.join(KUBERNETES_DIR, 'overlays', name);
