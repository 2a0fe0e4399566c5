// A key or password passed as a literal straight to the call that uses it
// (checks/secrets/key-arguments.ts): the documented key parameter of jsonwebtoken, PyJWT, golang-jwt,
// Node's and Python's HMAC and cookie-parser, the password parameter of database, mail, HTTP and LDAP clients, found past earlier arguments with brackets and strings in them, judged as the generic
// rule judges any credential, and named after the call. Each row: file, text, the findings expected
// as `line:column-endColumn where-clause`.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DiskHost } from "../../../server/src/engine/host";
import { KEY_CALL_KEYWORDS, KEY_PARAMETERS } from "../../../server/src/checks/secrets/key-arguments";
import { languageOf } from "../../../server/src/engine/index";
import { analyse, engine, loadedConfig, makeWorkspace, TEST_SALT, visible } from "../../helpers/engine";

const KEY = "kT9#vQ2!pL7@xW4zR8m";
const TWILIO_TOKEN = "9c2e4b7a1d3f5e8c0b2a4d6f8e1c3b5a";

const ROWS: [string, string, string[]][] = [
  ["auth.ts", `const t = jwt.sign({ id: user.id, roles: [a, b] }, "${KEY}", { expiresIn: "1h" });\n`, ["1:53-72 as the key of `jwt.sign`"]],
  ["auth.ts", `const claims = jwt.verify(token, '${KEY}');\n`, ["1:35-54 as the key of `jwt.verify`"]],
  ["auth.ts", `const t = jwt.sign(\n  payload,\n  \`${KEY}\`,\n);\n`, ["3:4-23 as the key of `jwt.sign`"]],
  // Earlier arguments with commas inside strings and brackets are skipped whole.
  ["auth.ts", `const t = jwt.sign({ note: "a, b", list: f(x, y) }, "${KEY}");\n`, ["1:54-73 as the key of `jwt.sign`"]],
  ["sign.js", `const mac = crypto.createHmac("sha256", "${KEY}").update(body).digest("hex");\n`, ["1:42-61 as the key of `createHmac`"]],
  ["app.js", `app.use(cookieParser("${KEY}"));\n`, ["1:23-42 as the key of `cookieParser`"]],
  ["auth.py", `token = jwt.encode({"sub": uid}, "${KEY}", algorithm="HS256")\n`, ["1:35-54 as the key of `jwt.encode`"]],
  ["auth.py", `claims = jwt.decode(token, "${KEY}", algorithms=["HS256"])\n`, ["1:29-48 as the key of `jwt.decode`"]],
  ["auth.py", `sig = hmac.new(b"${KEY}", msg, hashlib.sha256)\n`, ["1:18-37 as the key of `hmac.new`"]],
  ["main.go", `package main\n\nimport "github.com/golang-jwt/jwt/v5"\n\nfunc sign(token *jwt.Token) {\n\ts, _ := token.SignedString([]byte("${KEY}"))\n}\n`, ["6:37-56 as the key of `SignedString`"]],
  // Java's JWT libraries and the JCA, the literal maybe as its bytes or decoded from base64.
  ["Jwt.java", `SecretKey k = Keys.hmacShaKeyFor("${KEY}".getBytes(StandardCharsets.UTF_8));\n`, ["1:35-54 as the key of `Keys.hmacShaKeyFor`"]],
  ["Jwt.java", `SecretKey k = Keys.hmacShaKeyFor(Decoders.BASE64.decode("${KEY}"));\n`, ["1:58-77 as the key of `Keys.hmacShaKeyFor`"]],
  ["Jwt.java", `String t = Jwts.builder().setSubject(u).signWith(SignatureAlgorithm.HS256, "${KEY}").compact();\n`, ["1:77-96 as the key of `signWith`"]],
  ["Jwt.java", `Claims c = Jwts.parser().setSigningKey("${KEY}").parseClaimsJws(t).getBody();\n`, ["1:41-60 as the key of `setSigningKey`"]],
  ["Jwt.java", `Algorithm a = Algorithm.HMAC256("${KEY}");\n`, ["1:34-53 as the key of `Algorithm.HMAC256`"]],
  ["Hmac.java", `Mac mac = Mac.getInstance("HmacSHA256");\nmac.init(new SecretKeySpec("${KEY}".getBytes(), "HmacSHA256"));\n`, ["2:29-48 as the key of `SecretKeySpec`"]],
  // Twilio's helper libraries: the auth token (32 hex digits, Twilio's format) after the account SID.
  ["sms.js", `const client = require("twilio")("AC8f3e2b1c4d5a6978e0f1a2b3c4d5e6f7", "${TWILIO_TOKEN}");\n`, ["1:73-105 as the key of `require(\"twilio\")`"]],
  ["sms.ts", `const client = twilio(accountSid, "${TWILIO_TOKEN}");\n`, ["1:36-68 as the key of `twilio`"]],
  ["Sms.java", `Twilio.init(ACCOUNT_SID, "${TWILIO_TOKEN}");\n`, ["1:27-59 as the key of `Twilio.init`"]],
  ["Sms.cs", `TwilioClient.Init(accountSid, "${TWILIO_TOKEN}");\n`, ["1:32-64 as the key of `TwilioClient.Init`"]],
  // The new jjwt API signs with a key object and names the algorithm second; the account SID is no key.
  ["Jwt.java", `String t = Jwts.builder().signWith(key, Jwts.SIG.HS256).compact();\n`, []],
  ["sms.js", `const client = require("twilio")("AC8f3e2b1c4d5a6978e0f1a2b3c4d5e6f7", process.env.TWILIO_AUTH_TOKEN);\n`, []],
  // Not the key parameter, not a literal, not this call, or not a credential's value.
  ["auth.ts", `const t = jwt.sign(payload, process.env.JWT_SECRET);\n`, []],
  ["auth.ts", `const t = jwt.sign("${KEY}", secret);\n`, []],
  ["auth.ts", `const t = myjwt.sign(payload, "${KEY}");\n`, []],
  ["auth.ts", `const t = jwt.sign(payload, "your-secret-key");\n`, []],
  ["auth.ts", `const t = jwt.sign(payload, "secret");\n`, []],
  ["auth.ts", `const t = jwt.sign(payload);\nconst other = "${KEY}";\n`, []],
  ["sign.js", `const mac = crypto.createHmac("sha256", key).update("${KEY}");\n`, []],
  // A signing key long enough to sign with (RFC 7518: 256 bits for HS256) is one even when it reads as
  // words; a shorter phrase, a placeholder, a value for tests, a variable's name or a public key is not.
  ["auth.ts", `const t = jwt.sign(payload, "ThisIsMySuperSecretKeyForJwtSigning2024!");\n`, ["1:30-70 as the key of `jwt.sign`"]],
  ["auth.ts", `const t = jwt.sign(payload, "super-secret-key-that-is-at-least-32-characters-long");\n`, ["1:30-82 as the key of `jwt.sign`"]],
  ["Auth.cs", `var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("ThisIsMySuperSecretKeyForJwtSigning2024!"));\n`, ["1:60-100 as the key of `SymmetricSecurityKey`"]],
  ["Auth.cs", `var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("${KEY}"));\n`, ["1:60-79 as the key of `SymmetricSecurityKey`"]],
  ["auth.py", `token = jwt.encode(payload, "my-very-long-secret-key-for-signing-tokens", algorithm="HS256")\n`, ["1:30-72 as the key of `jwt.encode`"]],
  ["Auth.cs", `IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:Key"]!)),\n`, []],
  ["auth.ts", `const t = jwt.sign(payload, "my-super-secret-jwt-key");\n`, []],
  ["auth.ts", `const t = jwt.sign(payload, "your-secret-key-at-least-32-characters-long");\n`, []],
  ["auth.ts", `const t = jwt.sign(payload, "test-secret-key-for-unit-tests-only-123");\n`, []],
  ["auth.ts", `const t = jwt.sign(payload, "JWT_SECRET_KEY_FROM_THE_ENVIRONMENT");\n`, []],
  ["auth.ts", `const v = jwt.verify(token, "-----BEGIN PUBLIC KEY-----MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");\n`, []],
  ["mail.py", `server.login("me@gmail.com", "this-is-my-long-mail-password-for-the-server")\n`, []],
  // Passwords passed to the call that logs in with them.
  ["db.php", `<?php\n$pdo = new PDO("mysql:host=localhost;dbname=shop", "root", "${KEY}");\n`, ["2:61-80 as the password of `PDO`"]],
  ["db.php", `<?php\n$db = new \\PDO($dsn, 'app', '${KEY}', [PDO::ATTR_ERRMODE => 1]);\n`, ["2:30-49 as the password of `PDO`"]],
  ["db.php", `<?php\n$link = mysqli_connect("localhost", "root", "${KEY}", "shop");\n`, ["2:46-65 as the password of `mysqli_connect`"]],
  ["db.php", `<?php\n$mysqli = new mysqli("localhost", "root", "${KEY}", "shop");\n`, ["2:44-63 as the password of `mysqli`"]],
  ["db.pl", `my $dbh = DBI->connect("dbi:Pg:dbname=shop", "app", "${KEY}", { RaiseError => 1 });\n`, ["1:54-73 as the password of `DBI->connect`"]],
  ["Db.java", `Connection c = DriverManager.getConnection("jdbc:postgresql://db/shop", "app", "${KEY}");\n`, ["1:81-100 as the password of `DriverManager.getConnection`"]],
  ["db.js", `const sequelize = new Sequelize("shop", "app", "${KEY}", { dialect: "postgres" });\n`, ["1:49-68 as the password of `Sequelize`"]],
  ["mail.py", `server = smtplib.SMTP_SSL("smtp.gmail.com", 465)\nserver.login("me@gmail.com", "${KEY}")\n`, ["2:31-50 as the password of `login`"]],
  ["mail.go", `auth := smtp.PlainAuth("", "me@example.org", "${KEY}", "smtp.example.org")\n`, ["1:47-66 as the password of `smtp.PlainAuth`"]],
  ["api.py", `r = requests.get(url, auth=HTTPBasicAuth("svc", "${KEY}"))\n`, ["1:50-69 as the password of `HTTPBasicAuth`"]],
  ["api.py", `auth = aiohttp.BasicAuth("svc", "${KEY}")\n`, ["1:34-53 as the password of `BasicAuth`"]],
  ["api.py", `r = requests.get(url, auth=("svc", "${KEY}"))\n`, ["1:37-56 as the password of `auth`"]],
  ["Mail.cs", `client.Credentials = new NetworkCredential("svc@corp.org", "${KEY}");\n`, ["1:61-80 as the password of `NetworkCredential`"]],
  ["dir.py", `conn.simple_bind_s("cn=admin,dc=corp,dc=org", "${KEY}")\n`, ["1:48-67 as the password of `simple_bind_s`"]],
  ["client.go", `req.SetBasicAuth("svc", "${KEY}")\n`, ["1:26-45 as the password of `SetBasicAuth`"]],
  ["main.rs", `let res = client.get(url).basic_auth("svc", Some("${KEY}")).send().await?;\n`, ["1:51-70 as the password of `basic_auth`"]],
  ["db.c", `mysql_real_connect(conn, "db.internal", "app", "${KEY}", "shop", 0, NULL, 0);\n`, ["1:49-68 as the password of `mysql_real_connect`"]],
  ["db.php", `<?php\n$link = mysql_connect("localhost", "root", "${KEY}");\n`, ["2:45-64 as the password of `mysql_connect`"]],
  ["Api.kt", `val credential = Credentials.basic("svc", "${KEY}")\n`, ["1:44-63 as the password of `Credentials.basic`"]],
  ["api.rb", `request.basic_auth("svc", "${KEY}")\n`, ["1:28-47 as the password of `basic_auth`"]],
  // The AWS SDK for Java's credentials: the secret key (40 characters, AWS's format) after the key ID.
  ["S3.java", `AWSCredentials c = new BasicAWSCredentials(accessKeyId, "wJa9rXUtnF3MI2K7MDENGbPxRfiCY4Q7ZqL1vT0e");\n`, ["1:58-98 as the key of `BasicAWSCredentials`"]],
  ["S3.java", `var c = AwsBasicCredentials.create(keyId, "wJa9rXUtnF3MI2K7MDENGbPxRfiCY4Q7ZqL1vT0e");\n`, ["1:44-84 as the key of `AwsBasicCredentials.create`"]],
  ["S3.java", `var c = AwsBasicCredentials.create(keyId, "${KEY}");\n`, []],
  // The JCA's key store and PBE passwords, as the char[] it takes; not another call's `.load(…, "…")`.
  ["Tls.java", `ks.load(new FileInputStream("server.p12"), "${KEY}".toCharArray());\n`, ["1:45-64 as the password of `load`"]],
  ["Tls.java", `kmf.init(ks, "${KEY}".toCharArray());\nKey k = ks.getKey("server", "${KEY}".toCharArray());\n`, ["1:15-34 as the password of `init`", "2:30-49 as the password of `getKey`"]],
  ["Tls.java", `ks.setKeyEntry("server", key, "${KEY}".toCharArray(), chain);\n`, ["1:32-51 as the password of `setKeyEntry`"]],
  ["Pbe.java", `KeySpec spec = new PBEKeySpec("${KEY}".toCharArray(), salt, 65536, 256);\n`, ["1:32-51 as the password of `PBEKeySpec`"]],
  ["page.js", `$("#box").load("/fragment", "${KEY}");\nchar[] hex = "0123456789abcdef".toCharArray();\n`, []],
  ["Tls.java", `ks.load(in, password.toCharArray());\n`, []],
  // A variable, an empty or made-up password, or a call of another name.
  ["db.php", `<?php\n$pdo = new PDO($dsn, $user, $password);\n`, []],
  ["db.php", `<?php\n$pdo = new PDO("mysql:host=localhost", "root", "");\n`, []],
  ["mail.py", `server.login("me@gmail.com", "password123")\n`, []],
  ["mail.py", `server.login("${KEY}")\n`, []],
  ["app.js", `const pdo = new MyPDO("a", "b", "${KEY}");\n`, []],
];

describe("secret keys passed to the call that uses them", () => {
  ROWS.forEach(([filename, code, expected], index) => {
    it(`#${index} ${filename}: ${code.split("\n")[0].slice(0, 70)}`, () => {
      const found = visible(analyse(code, { filename }))
        .filter((f) => f.family === "secrets")
        .map((f) => `${f.line}:${f.column}-${f.endColumn} ${/ (as the (?:key|password) of `[^`]+`|in `[^`]+`)/.exec(f.message)?.[1] ?? ""}`);
      assert.deepEqual(found, expected);
    });
  });

  it("has a keyword in every call it reads, so the keyword pass lets every such file through", () => {
    // golang-jwt's SignedString is a method of a token the file gets from the package it imports: `jwt`.
    for (const parameter of KEY_PARAMETERS.filter((p) => p.call !== ".SignedString")) {
      const call = `${parameter.call}(`.toLowerCase();
      // A call too common to be a keyword names its own: what must follow its literal.
      if (parameter.then) assert.ok(KEY_CALL_KEYWORDS.some((keyword) => parameter.then!.toLowerCase().includes(keyword)), `${parameter.call}: its keyword is in what follows its literal`);
      else assert.ok(KEY_CALL_KEYWORDS.some((keyword) => call.includes(keyword)), `no keyword for ${parameter.call}`);
    }
  });

  it("moves the key to JWT_SECRET in the environment, in place of the literal", () => {
    const dir = makeWorkspace({ "auth.js": `const t = jwt.sign({ id: u.id }, "${KEY}", { expiresIn: "1h" });\n` });
    fs.mkdirSync(path.join(dir, ".git"));
    const file = path.join(dir, "auth.js");
    const findings = engine.analyze({ document: { path: file, text: fs.readFileSync(file, "utf8"), language: languageOf(file) }, config: loadedConfig(undefined, dir), host: new DiskHost(), salt: TEST_SALT }).findings;
    const fix = findings.find((f) => f.family === "secrets")?.fixes?.find((x) => x.title.startsWith("Move"));
    assert.ok(fix, "a move fix is offered");
    assert.equal(fix.title, "Move to environment variable JWT_SECRET (value saved in .env)");
    const source = fix.changes.find((change) => change.path === file);
    assert.deepEqual([source?.line, source?.column, source?.endColumn, source?.newText], [1, 34, 55, "process.env.JWT_SECRET"]);
    assert.ok(fix.changes.some((change) => change.path.endsWith(".env") && change.newText.includes(KEY)), ".env holds the value");
  });
});
