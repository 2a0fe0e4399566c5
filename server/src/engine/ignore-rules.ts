// Path globs in shipshape.yml (`ignore:`, `secrets.allow.paths`) use .gitignore semantics (a bare name
// matches at any depth), which is what users of both already expect.
import ignore, { type Ignore } from 'ignore';
import type { ShipshapeConfig } from './config/model';

const compiled = new WeakMap<readonly string[], Ignore>();

/** Whether a relative path matches a list of gitignore-style globs from the config. */
export function matchesGlobs(globs: readonly string[], relativePath: string): boolean {
  if (globs.length === 0 || relativePath.startsWith('../')) return false;
  let matcher = compiled.get(globs);
  if (!matcher) {
    matcher = ignore().add(globs as string[]);
    compiled.set(globs, matcher);
  }
  return matcher.ignores(relativePath);
}

export function isIgnoredByConfig(config: ShipshapeConfig, relativePath: string): boolean {
  return matchesGlobs(config.ignore, relativePath);
}
