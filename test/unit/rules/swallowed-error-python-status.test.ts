// Python except bodies that return a failure status (pip's `return UNKNOWN_ERROR` after logging the
// traceback): the caller is told it failed, so the error is passed on, not swallowed. A returned name
// that does not say failure is still a default value.
import * as assert from "node:assert/strict";
import { preparePythonImports } from "../../../server/src/engine/index";
import { analyse, visible } from "../../helpers/engine";

const ROWS: [string, string[]][] = [
  ["def main():\n    try:\n        run()\n    except BaseException:\n        logger.critical(\"Exception:\", exc_info=True)\n        return UNKNOWN_ERROR\n", []],
  ["def main():\n    try:\n        run()\n    except Exception:\n        return EXIT_FAILURE\n", []],
  ["def main():\n    try:\n        run()\n    except Exception:\n        return ERROR\n", []],
  ["def main():\n    try:\n        run()\n    except Exception:\n        return statusFailed\n", []],
  ["def main():\n    try:\n        run()\n    except Exception:\n        return DEFAULT_TIMEOUT\n", ["failure/swallowed-error 4:5"]],
  ["def main():\n    try:\n        run()\n    except Exception:\n        return terrible\n", ["failure/swallowed-error 4:5"]],
  ["def main():\n    try:\n        run()\n    except Exception:\n        logger.error(\"failed\")\n        return fallback\n", ["failure/swallowed-error 4:5"]],
];

describe("failure catch rules on Python except clauses returning a failure status", () => {
  before(() => preparePythonImports());
  ROWS.forEach(([code, expected], index) => {
    it(`#${index}: ${code.split("\n").slice(3).join(" ").slice(0, 70)}`, () => {
      const found = visible(analyse(code, { filename: "app/cli.py" }))
        .filter((f) => f.family === "failure")
        .map((f) => `${f.ruleId} ${f.line}:${f.column}`);
      assert.deepEqual(found, expected);
    });
  });
});
