// Python imports for the layer and package rules, parsed with tree-sitter (WebAssembly).
import { preparePythonImports } from '../../../server/src/engine/index';
import { ruleTable } from '../../helpers/rule-tester';

const CONFIG = `architecture:
  layers:
    domain: app/domain/**
    infra: app/infra/**
    api: app/api/**
  constraints:
    - layer: domain
      mayImport: []
      mustNotImportPackages: [requests, boto3, subprocess]
      because: The domain stays free of I/O.
    - layer: api
      mustNotImport: [infra]
`;
const FILES = {
  'app/__init__.py': '',
  'app/domain/__init__.py': '',
  'app/domain/money.py': 'CENTS = 100\n',
  'app/infra/__init__.py': '',
  'app/infra/db.py': 'def query(): pass\n',
  'app/infra/cache/__init__.py': '',
  'src/app2/__init__.py': '',
};
const base = { config: CONFIG, files: FILES };
const domain = { ...base, filename: 'app/domain/order.py' };

describe('Python imports', () => {
  before(() => preparePythonImports());

  ruleTable('architecture/layer-import', {
    valid: [
      { ...domain, code: 'from . import money\nfrom .money import CENTS\nimport app.domain.money\n' },
      { ...domain, code: 'import json\nfrom dataclasses import dataclass\n' },
      { ...base, filename: 'app/infra/repo.py', code: 'from app.domain.money import CENTS\n' },
      { ...domain, code: '# from app.infra import db\ntext = "import app.infra.db"\n' },
    ],
    invalid: [
      {
        ...domain,
        code: 'from app.infra.db import query\n',
        errors: [{ line: 1, column: 6, endColumn: 18, message: 'domain must not import infra (app/infra/db.py): The domain stays free of I/O.' }],
      },
      { ...domain, code: 'from ..infra import db\n', errors: [{ line: 1, column: 6, message: /^domain must not import infra \(app\/infra\/db\.py\)/ }] },
      { ...domain, code: 'import app.infra.cache as c\n', errors: [{ line: 1, column: 8, message: /\(app\/infra\/cache\/__init__\.py\)/ }] },
      { ...domain, code: 'def f():\n    import app.infra.db\n    return app.infra.db\n', errors: [{ line: 2, column: 12 }] },
      { ...base, filename: 'app/api/users.py', code: 'from app.infra import (\n    db,\n)\n', errors: [{ line: 1, column: 6, message: 'api must not import infra (app/infra/db.py).' }] },
    ],
  });

  ruleTable('architecture/forbidden-package', {
    valid: [{ ...domain, code: 'import json\nfrom app.domain import money\n' }],
    invalid: [
      { ...domain, code: 'import requests\n', errors: [{ line: 1, column: 8, endColumn: 16, message: "domain must not import package 'requests': The domain stays free of I/O." }] },
      { ...domain, code: 'from boto3.session import Session\nimport subprocess, os\n', errors: [{ line: 1, column: 6, message: /'boto3'/ }, { line: 2, column: 8, message: /'subprocess'/ }] },
      { ...domain, code: 's = "é"\nimport requests\n', errors: [{ line: 2, column: 8, endColumn: 16 }] },
    ],
  });

  ruleTable('architecture/unresolved-import', {
    valid: [{ ...domain, code: 'import numpy\nfrom . import money\n' }],
    invalid: [{ ...domain, code: 'from .nothing import x\n', errors: [{ line: 1, column: 6, severity: 'info', message: /^Cannot resolve '\.nothing': no module file matches this relative import\./ }] }],
  });
});
