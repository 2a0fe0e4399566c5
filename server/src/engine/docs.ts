// Where a rule's documentation lives: docs/rules/<ruleId>.md, generated from the rule's metadata.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DOCS_BASE_URL = 'https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/**
 * The link an editor shows: the docs page shipped beside the bundle when it is there (it opens
 * offline, in the editor), else the published page.
 */
export function ruleDocLink(ruleId: string, bundleDir: string): string {
  // Asked for every finding on every keystroke; the shipped docs do not change while it runs.
  const key = `${bundleDir}\u0000${ruleId}`;
  let link = links.get(key);
  if (link === undefined) {
    const local = path.join(bundleDir, '..', 'docs', 'rules', `${ruleId}.md`);
    links.set(key, (link = fs.existsSync(local) ? pathToFileURL(local).toString() : ruleDocUrl(ruleId)));
  }
  return link;
}

const links = new Map<string, string>();
