// The hover text of an architecture finding (explainArchitectureFinding, what the language server shows):
// the constraint that was broken, with every part of it and its reason, and what the file may import.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { explainArchitectureFinding, type Finding } from '../../../server/src/engine/index';
import { loadedConfig } from '../../helpers/engine';

const DIR = path.join(path.sep, 'ws');
const CONFIG = `architecture:
  layers:
    domain: src/domain/**
    app: src/app/**
    infra: [src/infra/**, "!src/infra/generated/**"]
    plugin: plugins/{plugin}/**
  constraints:
    - layer: domain
      mayImport: []
      mustNotImportPackages: [pg, node:fs]
      because: "  Pure model.  "
    - layer: app
      mayImport: [domain]
      ignoreTypeOnly: true
    - layer: infra
      mustNotImport: [app]
      mayImportPackages: [pg]
    - layer: plugin
      independent: true
      mayImport: [domain]
  publicApi: ["src/infra", "plugins/*"]
  cycles: warn
`;
const loaded = loadedConfig(CONFIG, DIR);

function finding(ruleId: string, file: string, constraintKey?: string): Finding {
  return { ruleId, family: ruleId.split('/')[0], file: path.join(DIR, file), line: 1, column: 1, endLine: 1, endColumn: 2, message: 'm', severity: 'error', fingerprint: 'f', constraintKey } as Finding;
}
const explain = (ruleId: string, file: string, constraintKey?: string) => explainArchitectureFinding(finding(ruleId, file, constraintKey), loaded)?.split('\n\n');

describe('explainArchitectureFinding (architecture hover)', () => {
  it('names the broken layer constraint with every part and its trimmed reason, then what the file may import', () => {
    assert.deepEqual(explain('architecture/layer-import', 'src/domain/order.ts', 'domain must not import infra'), [
      '**Constraint on `domain`** (shipshape.yml): may import no other layer; must not import the packages `pg`, `node:fs` — *Pure model.*',
      '**`src/domain/order.ts`** is in `domain`. It may import its own layers, files in no layer. It must not import `app`, `infra`, `plugin`.',
    ]);
    assert.deepEqual(explain('architecture/layer-import', 'src/app/place.ts', 'app must not import infra'), [
      '**Constraint on `app`** (shipshape.yml): may import `domain`; type-only imports do not count',
      '**`src/app/place.ts`** is in `app`. It may import its own layers, files in no layer, and `domain`. It must not import `infra`, `plugin`.',
    ]);
    assert.deepEqual(explain('architecture/layer-import', 'src/infra/db.ts', 'infra must not import app'), [
      '**Constraint on `infra`** (shipshape.yml): must not import `app`; may import only the packages `pg`',
      '**`src/infra/db.ts`** is in `infra`. It may import its own layers, files in no layer, and `domain`, `plugin`. It must not import `app`.',
    ]);
  });

  it('explains an independent capture layer by instance', () => {
    assert.deepEqual(explain('architecture/layer-import', 'plugins/a/index.ts', 'plugin must not import plugin'), [
      '**Constraint on `plugin`** (shipshape.yml): may import `domain`; its instances must not import each other',
      '**`plugins/a/index.ts`** is in `plugin:a`. It may import its own layers, files in no layer, and `domain`. It must not import `app`, `infra`, `other plugin instances`.',
    ]);
  });

  it('picks the package constraint for forbidden-package findings and the layer one for layer imports', () => {
    assert.deepEqual(explain('architecture/forbidden-package', 'src/infra/db.ts', 'infra must not import package redis'), [
      '**Constraint on `infra`** (shipshape.yml): must not import `app`; may import only the packages `pg`',
      '**`src/infra/db.ts`** is in `infra`. It may import its own layers, files in no layer, and `domain`, `plugin`. It must not import `app`.',
    ]);
    // app has no package constraint: nothing to name for a package finding, only the summary.
    assert.deepEqual(explain('architecture/forbidden-package', 'src/app/place.ts', 'app must not import package pg'), [
      '**`src/app/place.ts`** is in `app`. It may import its own layers, files in no layer, and `domain`. It must not import `infra`, `plugin`.',
    ]);
  });

  it('does not name a constraint of a layer the file is not in', () => {
    assert.deepEqual(explain('architecture/layer-import', 'src/app/place.ts', 'domain must not import infra'), [
      '**`src/app/place.ts`** is in `app`. It may import its own layers, files in no layer, and `domain`. It must not import `infra`, `plugin`.',
    ]);
  });

  it('explains cycles and the public API from the config, and a file in no layer (or excluded from one)', () => {
    assert.deepEqual(explain('architecture/cycle', 'src/shared/a.ts', 'cycles'), ['**Cycles**: `architecture.cycles: warn` (shipshape.yml)', '`src/shared/a.ts` is in no layer: it may import anything.']);
    assert.deepEqual(explain('architecture/public-api', 'src/infra/generated/x.ts', 'publicApi src/infra'), [
      '**Public API**: modules matching `src/infra`, `plugins/*` are imported only through their entry (shipshape.yml)',
      '`src/infra/generated/x.ts` is in no layer: it may import anything.',
    ]);
    assert.deepEqual(explain('architecture/unresolved-import', 'src/shared/a.ts'), ['`src/shared/a.ts` is in no layer: it may import anything.']);
  });

  it('says nothing for other families or without an architecture section', () => {
    assert.equal(explainArchitectureFinding(finding('failure/empty-catch', 'src/domain/order.ts'), loaded), undefined);
    assert.equal(explainArchitectureFinding(finding('architecture/cycle', 'src/domain/order.ts', 'cycles'), loadedConfig('rules: {}\n', DIR)), undefined);
  });
});
