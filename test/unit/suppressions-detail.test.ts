// Suppression directives in detail, through the engine: rule lists (commas, spaces, family wildcards that
// must match a whole family), the reason after \`--\` (with or without spaces, trailing blanks and block
// comment ends trimmed), next-line and file directives, the ranges and messages of the engine own
// findings (no reason, unknown rule, suppresses nothing, with the removal fix), and text that only looks
// like a directive. Each row: code, then every finding as "ruleId range suppressed(kind: reason) message => fix".
import * as assert from "node:assert/strict";
import { analyse } from "../helpers/engine";

const ROWS: [string, string[]][] = [
  ["// shipshape-ignore-next-line failure/empty-catch -- ok\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23 suppressed(inline: ok)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line failure/* -- ok\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23 suppressed(inline: ok)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line failure/*, secrets/* -- ok\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23 suppressed(inline: ok)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line failureX/* -- ok\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line fail/* -- ok\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line failure/empty-catch,failure/swallowed-error -- ok\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23 suppressed(inline: ok)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line failure/empty-catch --ok\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23 suppressed(inline: ok)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line failure/empty-catch--ok\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23 suppressed(inline: ok)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line failure/empty-catch -- \ntry { f(); } catch (e) {}\n", ["shipshape/suppression-reason 1:4-1:53 This suppression gives no reason. Add one after `--` (e.g. `shipshape-ignore-next-line failure/empty-catch -- why this is safe`) so reviewers can judge it.","failure/empty-catch 2:14-2:23 suppressed(inline)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["/* shipshape-ignore-next-line failure/empty-catch -- ok */\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23 suppressed(inline: ok)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["/* shipshape-ignore-next-line failure/empty-catch -- ok   */\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23 suppressed(inline: ok)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line failure/empty-catch -- ok   \ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23 suppressed(inline: ok)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-file failure/empty-catch -- generated\nconst a = 1;\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 3:14-3:23 suppressed(inline: generated)  => Rethrow the error with its cause 3:25-3:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line   failure/empty-catch   -- spaced  \ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23 suppressed(inline: spaced)  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// shipshape-ignore-next-line failure/empty-catch -- ok\nconst a = 1;\n", ["shipshape/unused-suppression 1:4-1:56 This suppression of failure/empty-catch no longer suppresses anything. Remove it so it cannot hide a future problem. => Remove the unused suppression 1:1-2:1 \"\""]],
  ["// shipshape-ignore-next-line nope/thing -- ok\nconst a = 1;\n", ["shipshape/unused-suppression 1:4-1:47 Unknown rule 'nope/thing' in this suppression: it suppresses nothing."]],
  ["// shipshape-ignore-next-line\ntry { f(); } catch (e) {}\n", ["shipshape/suppression-reason 1:4-1:30 This suppression gives no reason. Add one after `--` (e.g. `shipshape-ignore-next-line <ruleId> -- why this is safe`) so reviewers can judge it.","failure/empty-catch 2:14-2:23  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["// SHIPSHAPE-IGNORE-NEXT-LINE failure/empty-catch -- ok\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
  ["const s = \"shipshape-ignore-next-line failure/empty-catch -- ok\";\ntry { f(); } catch (e) {}\n", ["failure/empty-catch 2:14-2:23  => Rethrow the error with its cause 2:25-2:25 \" throw new Error(\\\"f failed\\\", { cause: e }); \""]],
];

describe("suppression directives in detail", () => {
  ROWS.forEach(([code, expected], index) => {
    it(`#${index}: ${code.split("\n")[0]}`, () => {
      const found = analyse(code).map(
        (f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}${f.suppressed ? ` suppressed(${f.suppressed.kind}${f.suppressed.reason ? ": " + f.suppressed.reason : ""})` : ""} ${f.family === "shipshape" ? f.message : ""}${f.fixes?.length ? " => " + f.fixes.map((x) => x.title + " " + x.changes.map((ch) => `${ch.line}:${ch.column}-${ch.endLine}:${ch.endColumn} ${JSON.stringify(ch.newText)}`).join("|")).join(" / ") : ""}`,
      );
      assert.deepEqual(found, expected);
    });
  });
});
