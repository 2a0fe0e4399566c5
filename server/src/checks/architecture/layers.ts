// Which declared layers a file belongs to. Globs are minimatch patterns relative to the config folder;
// `{name}` in a glob (braces without a comma) captures a path segment, so `plugins/{plugin}/**` makes
// each plugin folder an instance of the `plugin` layer. A `!glob` in the list excludes what it matches.
import { Minimatch } from 'minimatch';
import type { ArchitectureConfig } from '../../engine/config/model';

export interface LayerMembership {
  layer: string;
  /** The captured value(s) for a layer glob with `{name}` captures, joined with `/`. */
  instance?: string;
}

interface CompiledGlob {
  matcher: Minimatch;
  /** Extracts the captured values; only for globs with captures. */
  capture?: RegExp;
}

export interface CompiledLayer {
  name: string;
  globs: CompiledGlob[];
  /** `!glob` entries: paths they match are not in the layer even when a glob matches. */
  exclusions: Minimatch[];
}

const CAPTURE = /\{([A-Za-z_$][\w$-]*)\}/g;
const compiled = new WeakMap<ArchitectureConfig, CompiledLayer[]>();

export function compileLayers(architecture: ArchitectureConfig): CompiledLayer[] {
  let layers = compiled.get(architecture);
  if (!layers) {
    layers = Object.entries(architecture.layers).map(([name, globs]) => {
      const list = Array.isArray(globs) ? globs : [globs];
      return {
        name,
        globs: list.filter((glob) => !glob.startsWith('!')).map(compileGlob),
        exclusions: list.filter((glob) => glob.startsWith('!')).map((glob) => new Minimatch(glob.slice(1), { dot: true })),
      };
    });
    compiled.set(architecture, layers);
  }
  return layers;
}

function compileGlob(glob: string): CompiledGlob {
  const hasCapture = CAPTURE.test(glob);
  CAPTURE.lastIndex = 0;
  if (!hasCapture) return { matcher: new Minimatch(glob, { dot: true }) };
  return { matcher: new Minimatch(glob.replace(CAPTURE, '*'), { dot: true }), capture: globToCaptureRegExp(glob) };
}

/** A regular expression for a capture glob, with one group per `{name}`. */
function globToCaptureRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (glob.startsWith('**/', i)) {
      source += '(?:[^/]*/)*';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const close = glob.indexOf('}', i);
      const body = glob.slice(i + 1, close);
      if (close > i && !body.includes(',')) source += '([^/]+)';
      else if (close > i) source += '(?:' + body.split(',').map(escapeRegExp).join('|') + ')';
      else source += escapeRegExp(char);
      if (close > i) i = close;
    } else source += escapeRegExp(char);
  }
  return new RegExp('^' + source + '$');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Every layer (and instance) whose globs match the path (relative to the config folder, forward slashes). */
export function membershipsOf(architecture: ArchitectureConfig, relativePath: string): LayerMembership[] {
  const memberships: LayerMembership[] = [];
  for (const layer of compileLayers(architecture)) {
    if (layer.exclusions.some((exclusion) => exclusion.match(relativePath))) continue;
    for (const glob of layer.globs) {
      if (!glob.matcher.match(relativePath)) continue;
      const groups = glob.capture?.exec(relativePath);
      memberships.push(groups ? { layer: layer.name, instance: groups.slice(1).join('/') } : { layer: layer.name });
      break;
    }
  }
  return memberships;
}

/** Names of every layer whose globs match the path. */
export function layersOf(architecture: ArchitectureConfig, relativePath: string): string[] {
  return membershipsOf(architecture, relativePath).map((m) => m.layer);
}

/** `plugin` or `plugin:a` for an instance, as messages show a membership. */
export function membershipLabel(membership: LayerMembership): string {
  return membership.instance === undefined ? membership.layer : `${membership.layer}:${membership.instance}`;
}
