// More failure/unguarded-parse sources: process members other than argv and env, request and message
// members by name, file reads and stored data by exact name, wrappers that pass the text through (and
// ones that do not), promise callbacks (then with one or two handlers, not after another then, not
// finally), and destructuring from request, message and process objects (and from anything else).
import { ruleTable } from '../../helpers/rule-tester';

ruleTable('failure/unguarded-parse', {
  valid: [
    "JSON.parse(process.other);",
    "JSON.parse(req.cookie);",
    "JSON.parse(msg.other);",
    "JSON.parse(xreadFile(p));",
    "JSON.parse(readFileX(p));",
    "JSON.parse(localStorageX.getItem(\"k\"));",
    "JSON.parse(other.parse(process.argv[2]));",
    "JSON.parse(JSON.parse);",
    "res.text().then().then((t) => JSON.parse(t));",
    "res.text().finally((t) => JSON.parse(t));",
    "const { params } = other;\nJSON.parse(params.p);",
    "const { value } = obj;\nJSON.parse(value);",
    "const { argv } = other;\nJSON.parse(argv[2]);",
    "const { X } = other.env;\nJSON.parse(X);",
  ],
  invalid: [
    { code: "JSON.parse(process.env);", errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: "`JSON.parse` of an environment variable with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and crashes the process. Parse inside try/catch and turn the failure into a clear error." }] },
    { code: "JSON.parse(req.cookies);", errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: "`JSON.parse` of request input with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error (a 400)." }] },
    { code: "JSON.parse(ctx.request.body);", errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: "`JSON.parse` of a request body with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error (a 400)." }] },
    { code: "JSON.parse(msg.Body);", errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: "`JSON.parse` of message data with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error." }] },
    { code: "JSON.parse(msg.Records[0]);", errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: "`JSON.parse` of message data with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error." }] },
    { code: "JSON.parse(fs.readFileSync(p).toString());", errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: "`JSON.parse` of file contents with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and crashes the process. Parse inside try/catch and turn the failure into a clear error." }] },
    { code: "JSON.parse(window.localStorage.getItem(\"k\"));", errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: "`JSON.parse` of stored data with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error." }] },
    { code: "JSON.parse(String(process.argv[2]));", errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: "`JSON.parse` of command-line input with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and crashes the process. Parse inside try/catch and turn the failure into a clear error." }] },
    { code: "JSON.parse(Buffer.from(process.argv[2], \"base64\").toString());", errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: "`JSON.parse` of command-line input with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and crashes the process. Parse inside try/catch and turn the failure into a clear error." }] },
    { code: "res.text().then(function (t) { return JSON.parse(t); });", errors: [{ line: 1, column: 39, endLine: 1, endColumn: 49, message: "`JSON.parse` of a network response with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error." }] },
    { code: "res.text().then((t) => JSON.parse(t), (e) => null);", errors: [{ line: 1, column: 24, endLine: 1, endColumn: 34, message: "`JSON.parse` of a network response with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error." }] },
    { code: "const { query } = ctx;\nJSON.parse(query.filter);", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 11, message: "`JSON.parse` of request input with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error (a 400)." }] },
    { code: "const { headers } = c;\nJSON.parse(headers.h);", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 11, message: "`JSON.parse` of request input with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error (a 400)." }] },
    { code: "const { data } = job;\nJSON.parse(data);", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 11, message: "`JSON.parse` of message data with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error." }] },
    { code: "const { value } = rec;\nJSON.parse(value);", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 11, message: "`JSON.parse` of message data with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error." }] },
  ],
});
