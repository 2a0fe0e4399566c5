// failure/retry-without-backoff: delays that change between attempts (decrement, prefix and compound
// updates, reassignment, logical assignment, a for incrementor) versus a counter the delay does not use,
// and attempts capped by a for condition counted in the body or a do-while condition counted in place.
import { ruleTable } from '../../helpers/rule-tester';

ruleTable('failure/retry-without-backoff', {
  valid: [
    "let d = 1000;\nwhile (true) {\n  try {\n    return await call();\n  } catch {\n    d--;\n    await sleep(d);\n  }\n}",
    "let d = 1000;\nwhile (true) {\n  try {\n    return await call();\n  } catch {\n    --d;\n    await sleep(d);\n  }\n}",
    "let d = 1000;\nwhile (true) {\n  try {\n    return await call();\n  } catch {\n    d -= 100;\n    await sleep(d);\n  }\n}",
    "let d = 1000;\nwhile (true) {\n  try {\n    return await call();\n  } catch {\n    d = d * 2;\n    await sleep(d);\n  }\n}",
    "let d = 1000;\nwhile (true) {\n  try {\n    return await call();\n  } catch {\n    d ||= 5;\n    await sleep(d);\n  }\n}",
    "let n = 0;\nfor (;; n--) {\n  try {\n    return await call();\n  } catch {\n    await sleep(n);\n  }\n}",
    "for (let i = 0; i < 3; ) {\n  try {\n    return await call();\n  } catch {\n    i++;\n    await sleep(500);\n  }\n}",
    "let i = 0;\ndo {\n  try {\n    return await call();\n  } catch {\n    await sleep(500);\n  }\n} while (i++ < 3);",
    "let i = 0;\ndo {\n  try {\n    return await call();\n  } catch {\n    await sleep(500);\n  }\n} while (++i < 3);",
  ],
  invalid: [
    { code: "let d = 1000, e = 1;\nwhile (true) {\n  try {\n    return await call();\n  } catch {\n    e++;\n    await sleep(d);\n  }\n}", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 6, message: "Retry loop with a constant delay and no cap on attempts: if the dependency stays down, this retries forever at the same pace and the failure never surfaces. Cap the attempts (then rethrow) and grow the delay after each failure." }] },
  ],
});
