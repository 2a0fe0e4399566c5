// The secrets check: one pass per file (scan.ts) reporting one rule per provider from the rule pack
// (rules/secrets.yml), plus the generic credential rule. Values never leave the engine: messages are
// masked and fingerprints salted. Files git ignores get no secret findings: that is where secrets belong.
import * as path from 'node:path';
import { matchesGlobs } from '../../engine/ignore-rules';
import type { Check, RuleMeta } from '../../engine/types';
import { holdsCode, isScriptLanguage } from '../../engine/language';
import { fileOnDisk } from '../../engine/paths';
import { assignmentFormOf } from './assignments';
import { moveToEnvironmentFix } from './env-fix';
import { CUSTOM_RULE_ID, scanCustomRules } from './custom-rules';
import { GENERIC_RULE_ID } from './generic';
import { gitIgnore } from './git-ignored';
import { maskSecret } from './mask';
import { builtInSecretRules, packageManagerFiles, type FileRule, type SecretRule } from './rule-pack';
import { scanForSecrets } from './scan';

const REMEDY =
  'Remove the value from the code and load it at run time from a secret store or an environment variable (kept in a git-ignored `.env` locally); the quick fix does this. Then rotate it: it is in the history of every clone.';

const FILE_REMEDY =
  'Take the file out of the repository (`git rm --cached`), list it in `.gitignore`, and have the deployment fetch it from a secret store. Then replace the key and revoke its certificate: the file is in the history of every clone.';
const FILE_ACCEPTED_BY =
  'A binary file has no line for a suppression comment. To accept one (a test fixture\'s throwaway key store), list its path under `secrets.allow.paths` in `shipshape.yml`, or add the finding to the baseline (`shipshape baseline`).';

/** One line in the primer for every secret rule (they share it, so it is listed once). */
const INSTRUCTION = {
  text: 'Never hardcode a key, token or password: read it from the environment.',
  recap: 'no hardcoded secrets',
};

function ruleMeta(rule: SecretRule): RuleMeta {
  const shape =
    rule.kind === 'pattern'
      ? `a value matching \`${rule.regex.source.slice(0, 160)}\``
      : rule.kind === 'keyed'
        ? `a value matching \`${rule.value.source}\` assigned to a name containing ${rule.names.map((n) => `\`${n}\``).join(', ')}`
        : `a file named ${rule.files.map((glob) => `\`${glob}\``).join(' or ')} in the repository`;
  return {
    id: rule.id,
    family: 'secrets',
    title: rule.title,
    rationale: rule.description,
    remedy: rule.kind === 'file' ? FILE_REMEDY : REMEDY,
    defaultSeverity: 'error',
    languages: '*',
    // Docs describe the shape; real-looking examples live in the rule pack, never in published pages.
    examples: { bad: [`${shape}${rule.paths ? ` (in ${rule.paths.join(', ')})` : ''}`], good: [rule.kind === 'file' ? 'the file kept out of the repository (listed in .gitignore) and read from a secret store at deploy time' : 'const key = process.env.PROVIDER_API_KEY;'] },
    // A file found by its name has no literal to move to .env: suppressing it or baselining it is all there is.
    fixable: rule.kind !== 'file',
    ...(rule.kind === 'file' ? { acceptedBy: FILE_ACCEPTED_BY } : {}),
    instruction: INSTRUCTION,
  };
}

const genericMeta: RuleMeta = {
  id: GENERIC_RULE_ID,
  family: 'secrets',
  title: 'Hardcoded credential',
  rationale:
    'A value assigned to a name that says it is a credential (password, token, api key, client secret, a provider\'s key such as `stripeKey`, a `Key` inside a `Jwt` section), or passed as the key of a call that signs with it (`jwt.sign(payload, "…")`, `createHmac`, `hmac.new`) or as the password of a call that logs in with it (`new PDO($dsn, "app", "…")`, `smtp.login(user, "…")`), or handed to its setter (`config.setPassword("…")`, `sgMail.setApiKey("…")`), or a URL\'s query parameter in a string of code (`?apiKey=…`), random enough to be real and not a placeholder. A signing key of 32 characters or more (the 256 bits HS256 needs) counts even when it reads as words, when a signing call takes it or its name says it signs (`JWT_SECRET`, `Jwt.Key`, `SECRET_KEY`): whoever reads it can forge what it signs. Whatever it unlocks is open to everyone who can read the code, its history and its logs.',
  remedy: REMEDY,
  defaultSeverity: 'warning',
  languages: '*',
  examples: { bad: ['db_password = "Tr0ub4dor&3-horse"', 'const token = jwt.sign({ sub: user.id }, "k9#Qv2!Lp7@Xw4zR");'], good: ['db_password = os.environ["DB_PASSWORD"]', 'password = "<your password>"', 'const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET);'] },
  fixable: true,
  instruction: INSTRUCTION,
};

const customMeta: RuleMeta = {
  id: CUSTOM_RULE_ID,
  family: 'secrets',
  title: 'Secret matching a custom rule',
  rationale: 'A value matching one of the secret patterns this project declares in shipshape.yml (`secrets.custom`): internal tokens, partner keys, formats no public rule knows. The patterns run in a linear-time regex engine, and only in trusted workspaces.',
  remedy: REMEDY,
  defaultSeverity: 'error',
  languages: '*',
  examples: { bad: ['secrets:\n  custom:\n    - id: acme-token\n      regex: "acme_[a-z0-9]{32}"\n      keywords: [acme_]'], good: ['const token = process.env.ACME_TOKEN;'] },
  fixable: true,
  instruction: INSTRUCTION,
};

function createSecretsCheck(rules: readonly SecretRule[]): Check {
  const metas = rules.map(ruleMeta);
  const metaById = new Map(metas.map((m) => [m.id, m]));
  const fileRules = rules.filter((rule): rule is FileRule => rule.kind === 'file');
  const fileRuleFor = (filePath: string) => fileRules.find((rule) => matchesGlobs(rule.files, path.basename(filePath)));
  return {
    meta: metas[0],
    alsoReports: [...metas.slice(1), genericMeta, customMeta],
    // The rule pack's patterns and the assignment scanner are ASCII, and `\\s` meets no Latin-1 character
    // but U+00A0, which a UTF-8 byte can be: see readSourceBytes. A workspace's own patterns may not be ASCII.
    asciiPatterns: (config) => !config.secrets?.custom?.length,
    // A key store is binary: the engine runs this check on it, with no text, to report the file itself.
    readsBinary: (filePath) => fileRuleFor(filePath) !== undefined,
    run(context) {
      const { document } = context;
      // A history scan reads what commits added: git holds it, whatever .gitignore says now.
      const onDisk = fileOnDisk(document);
      if (!context.committed && onDisk !== null && path.isAbsolute(onDisk) && gitIgnore.ignores(onDisk)) return;
      const fileRule = fileRuleFor(document.path);
      if (fileRule) {
        context.report({
          ruleId: fileRule.id,
          start: 0,
          end: 0,
          message: `${fileRule.title} committed (${path.basename(document.path)}): it holds a private key, and anyone who can read the repository or its history can take it. Keep it out of the repository (.gitignore), load it from a secret store at deploy time, then replace the key.`,
          // No value to hash: the file is the secret, found by its place in the repository.
          secretValue: `${fileRule.id}:${context.relativePath}`,
        });
      }
      // In minified or oversized files only provider formats count: the generic heuristics are noise there,
      // as in lockfiles, whose names are packages and values versions and hashes.
      const genericEnabled = context.config.rules[GENERIC_RULE_ID] !== 'off' && !context.limited && !packageManagerFiles.has(path.basename(document.path));
      const matches = scanForSecrets(document.text, rules, {
        matchesPath: (globs) => matchesGlobs(globs, context.relativePath) || matchesGlobs(globs, path.basename(document.path)),
        scriptFile: holdsCode(document.path),
        templateLiterals: isScriptLanguage(document.language),
        hcl: /\.(?:tf|tfvars|hcl)$/i.test(document.path),
        yaml: /\.ya?ml$/i.test(document.path),
        prose: /\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt|html?)$/i.test(document.path),
        form: assignmentFormOf(document.path),
        generic: genericEnabled,
        bytes: document.bytes,
      });
      if (context.trusted && context.config.secrets?.custom?.length) {
        for (const custom of scanCustomRules(document.text, document.text.toLowerCase(), context.config)) {
          context.report({
            ruleId: CUSTOM_RULE_ID,
            start: custom.start,
            end: custom.end,
            message: `${custom.rule.description ?? `Secret matching custom rule '${custom.rule.id}'`} (${maskSecret(custom.value, 0)}), rule '${custom.rule.id}' in shipshape.yml. Load it from a secret store or an environment variable, then rotate it.`,
            secretValue: custom.value,
            severityOverride: custom.rule.severity,
            fixes: moveToEnvironmentFix(context, custom, CUSTOM_RULE_ID, custom.rule.id),
          });
        }
      }
      // A client component says it runs in the browser: an environment variable would not keep the key
      // out of the bundle there (or be undefined), so the message says where the call belongs.
      const inBrowser = matches.length > 0 && isScriptLanguage(document.language) && startsWithUseClient(document.text);
      const browserNote = inBrowser ? ' This file runs in the browser ("use client"): whatever key it reads reaches every visitor, so call the provider from server code (a route handler or server action).' : '';
      for (const match of matches) {
        const ruleId = match.rule?.id ?? GENERIC_RULE_ID;
        // A provider's rule names the kind of secret ("Stripe secret key hardcoded"); the generic rule's title already says "Hardcoded".
        const title = match.rule ? metaById.get(ruleId)!.title : 'Credential';
        const masked = maskSecret(match.value, match.encoded ? 0 : (match.rule?.publicPrefix ?? 0));
        const where = match.call ? ` as the ${match.argument ?? 'key'} of \`${match.call}\`` : match.name ? ` in \`${match.name}\`` : '';
        context.report({
          ruleId,
          start: match.start,
          end: match.end,
          message: `${title} hardcoded${where} (${masked}): anyone who can read this code, its history or a log of it can use it. Load it from a secret store or an environment variable, then rotate it.${browserNote}`,
          secretValue: match.value,
          fixes: moveToEnvironmentFix(context, match, ruleId, match.rule?.provider ?? 'app'),
        });
      }
    },
  };
}

/** Whether the module's first statement is React's `"use client"` directive (comments may come before it). */
function startsWithUseClient(text: string): boolean {
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xfeff) at++;
    else if (text.startsWith('//', at)) at = endOf(text.indexOf('\n', at), 1, text.length);
    else if (text.startsWith('/*', at)) at = endOf(text.indexOf('*/', at + 2), 2, text.length);
    else return text.startsWith('"use client"', at) || text.startsWith("'use client'", at);
  }
  return false;
}

/** Just past a comment's end found at `found` (`length` characters long), or the text's end when it has none. */
function endOf(found: number, length: number, textLength: number): number {
  return found < 0 ? textLength : found + length;
}

export const secretsCheck: Check = createSecretsCheck(builtInSecretRules);
