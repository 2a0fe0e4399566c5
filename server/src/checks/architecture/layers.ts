// Which declared layers a file belongs to. Globs are minimatch patterns relative to the config folder.
import { Minimatch } from 'minimatch';
import type { ArchitectureConfig } from '../../engine/config/model';

export interface CompiledLayer {
  name: string;
  matchers: Minimatch[];
}

const compiled = new WeakMap<ArchitectureConfig, CompiledLayer[]>();

export function compileLayers(architecture: ArchitectureConfig): CompiledLayer[] {
  let layers = compiled.get(architecture);
  if (!layers) {
    layers = Object.entries(architecture.layers).map(([name, globs]) => ({
      name,
      matchers: (Array.isArray(globs) ? globs : [globs]).map((glob) => new Minimatch(glob, { dot: true })),
    }));
    compiled.set(architecture, layers);
  }
  return layers;
}

/** Names of every layer whose globs match the path (relative to the config folder, forward slashes). */
export function layersOf(architecture: ArchitectureConfig, relativePath: string): string[] {
  return compileLayers(architecture)
    .filter((layer) => layer.matchers.some((matcher) => matcher.match(relativePath)))
    .map((layer) => layer.name);
}
