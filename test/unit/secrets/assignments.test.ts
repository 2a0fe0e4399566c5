// How the secrets scan finds assigned values without parsing (checks/secrets/assignments.ts), seen
// through the generic credential rule: operators of many languages (=, :, :=, =>, .=, +=, ?=, <-, the
// quoted-name comma form), quotes and escaped quotes, trailing separators, blanks, type words before the
// name, names with dots, brackets and sigils, XML elements (also across lines), and code files, where
// only string literals count. Each row: file name, text, the secrets findings expected.
import * as assert from "node:assert/strict";
import { analyse, visible } from "../../helpers/engine";

const ROWS: [string, string, string[]][] = [
  ["a.ts", "const password = \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:19-1:35"]],
  ["a.ts", "const config = { password: \"kT9#vQ2!pL7@xW4z\" };\n", ["secrets/generic-credential 1:29-1:45"]],
  ["a.ts", "const config = { \"password\": \"kT9#vQ2!pL7@xW4z\" };\n", ["secrets/generic-credential 1:31-1:47"]],
  ["a.ts", "headers.set(\"password\", \"kT9#vQ2!pL7@xW4z\");\n", ["secrets/generic-credential 1:26-1:42"]],
  ["a.ts", "call(password, \"kT9#vQ2!pL7@xW4z\");\n", []],
  // The quoted name of the comma form is the whole literal, not the end of a URL before the value.
  ["a.ts", "request(\"https://vault.internal/v1/password\", \"kT9#vQ2!pL7@xW4z\");\n", []],
  ["a.ts", "password += \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:14-1:30"]],
  ["a.ts", "const password = `kT9#vQ2!pL7@xW4z`;\n", ["secrets/generic-credential 1:19-1:35"]],
  ["a.ts", "const password = 'kT9#vQ2!pL7@xW4z';\n", ["secrets/generic-credential 1:19-1:35"]],
  ["a.ts", "const password = \"kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:19-1:35"]],
  ["a.ts", "const password = kT9#vQ2!pL7@xW4z;\n", []],
  ["app.py", "password = \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:13-1:29"]],
  ["app.py", "connect(password=\"kT9#vQ2!pL7@xW4z\")\n", ["secrets/generic-credential 1:19-1:35"]],
  ["main.go", "password := \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:14-1:30"]],
  ["main.go", "var password string = \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:24-1:40"]],
  ["Main.java", "String password = \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:20-1:36"]],
  ["app.rb", "config[:password] = \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:22-1:38"]],
  ["app.rb", "{ password => \"kT9#vQ2!pL7@xW4z\" }\n", ["secrets/generic-credential 1:16-1:32"]],
  ["app.php", "$password .= \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:15-1:31"]],
  ["app.r", "password <- \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:14-1:30"]],
  ["Makefile", "PASSWORD ?= kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:13-1:29"]],
  ["config.yml", "password: kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:11-1:27"]],
  ["config.yml", "password: \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:12-1:28"]],
  ["config.yml", "password:   kT9#vQ2!pL7@xW4z  # note\n", ["secrets/generic-credential 1:13-1:29"]],
  ["config.yml", "- password: kT9#vQ2!pL7@xW4z,\n", ["secrets/generic-credential 1:13-1:29"]],
  ["config.json", "{ \"password\": \"kT9#vQ2!pL7@xW4z\" }\n", ["secrets/generic-credential 1:16-1:32"]],
  ["app.ini", "password=kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:10-1:26"]],
  ["app.toml", "password = \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:13-1:29"]],
  ["web.xml", "<password>kT9#vQ2!pL7@xW4z</password>\n", ["secrets/generic-credential 1:11-1:27"]],
  ["web.xml", "<password>\n  kT9#vQ2!pL7@xW4z\n</password>\n", ["secrets/generic-credential 2:3-2:19"]],
  ["web.xml", "<password>kT9#vQ2!pL7@xW4z</secret>\n", []],
  ["a.env", "export PASSWORD=kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:17-1:33"]],
  // Type annotations between the name and `=`: TypeScript, Kotlin, Rust, Python hints.
  ["a.ts", "const apiKey: string = \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:25-1:41"]],
  ["a.ts", "let password?: string | undefined = \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:38-1:54"]],
  ["a.ts", "private readonly token: Map<string, string>[] = \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:50-1:66"]],
  ["a.ts", "const secret: Secret = \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:25-1:41"]],
  ["a.ts", "const label: string = \"kT9#vQ2!pL7@xW4z\";\n", []],
  ["a.ts", "const { password: fallback = \"kT9#vQ2!pL7@xW4z\" } = options;\n", ["secrets/generic-credential 1:31-1:47"]],
  ["App.kt", "val apiKey: String = \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:23-1:39"]],
  ["main.rs", "let api_key: &'static str = \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:30-1:46"]],
  ["app.py", "api_key: str = \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:17-1:33"]],
  // A quoted key in brackets names the value: dictionaries, environment writes.
  ["app.py", "settings[\"password\"] = \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:25-1:41"]],
  ["app.py", "os.environ['API_TOKEN'] = \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:28-1:44"]],
  ["a.ts", "config[\"label\"] = \"kT9#vQ2!pL7@xW4z\";\n", []],
  ["a.ts", "if (password == \"kT9#vQ2!pL7@xW4z\") {}\n", []],
  // An Authorization header's value: the scheme, then the credential, which is what is reported.
  ["a.ts", "headers[\"Authorization\"] = \"Bearer kT9vQ2pL7xW4zR8mN3bY6cT1\";\n", ["secrets/generic-credential 1:36-1:60"]],
  ["a.ts", "fetch(url, { headers: { Authorization: \"Basic dXNlcjpzM2NyM3RQYXNzd29yZA==\" } });\n", ["secrets/generic-credential 1:47-1:75"]],
  ["a.ts", "const auth = \"Bearer \" + token;\n", []],
  ["a.ts", "headers.Authorization = `Bearer ${token}`;\n", []],
  ["notes.txt", "password = kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:12-1:28"]],
  ["notes.txt", "12345 = kT9#vQ2!pL7@xW4z\n", []],
  ["notes.txt", "password = short\n", []],
  ["notes.txt", "password = \"kT9#vQ2!pL7@xW4z\";;\n", ["secrets/generic-credential 1:13-1:29"]],
  // A quoted value is a whole literal: not the start of a longer one, nor code after a string's closing quote.
  ["notes.txt", "password = \"kT9#vQ2!pL7@xW4z and more\"\n", []],
  ["index.php", "throw new E('Invalid character in option \"auth_bearer\": '.json_encode($options['auth_bearer']).'.');\n", []],
  ["index.php", "$options['auth_bearer'] = 'kT9#vQ2!pL7@xW4z';\n", ["secrets/generic-credential 1:28-1:44"]],
  // In a query string, a bare value ends where the next parameter starts.
  ["notes.txt", "# => https://sushi.com/api/nigiri?token=abc&page=2\n", []],
  ["notes.txt", "GET https://api.acme-corp.com/orders?token=kT9vQ2pL7xW4zR8m&page=2\n", ["secrets/generic-credential 1:44-1:60"]],
  ["app.config", "Server=db.internal;Password=kT9#vQ2!pL7@xW4z;Database=orders\n", ["secrets/connection-string-keyword-password 1:29-1:45"]],
  // In a program's source a bare value is an expression: a Go struct field set from another.
  ["main.go", "\tschema1SigningKey: repo.schema1SigningKey,\n", []],
  // String prefixes: Python bytes and raw strings, C# verbatim strings.
  ["app.py", "SECRET_KEY = b\"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:16-1:32"]],
  ["app.py", "api_key = rb'kT9#vQ2!pL7@xW4z'\n", ["secrets/generic-credential 1:14-1:30"]],
  ["Program.cs", "var password = @\"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:18-1:34"]],
  ["app.py", "password = fetch_password(b\"kT9#vQ2!pL7@xW4z\")\n", []],
  ["main.go", "\tschema1SigningKey: \"kT9#vQ2!pL7@xW4z\",\n", ["secrets/generic-credential 1:22-1:38"]],
  // Names and paths are not values: a markdown link definition, a list of type names.
  ["README.md", "[OAuth]: doc/api/o-auth.md\n[Mobile Authorization]: doc/api/mobile-authorization.md\n", []],
  ["CHANGELOG.md", "* Add resources `V2.Core.AccountLink`, `V2.Core.AccountPersonToken`, `V2.Core.AccountPerson`\n", []],
  ["CHANGELOG.md", "* Rotate `V2.Core.AccountPersonToken`, `kT9vQ2pL.xW4zR8mB`\n", ["secrets/generic-credential 1:41-1:58"]],
  // A provider prefix and a counter is made up (too short for the provider's own rule).
  ["CHANGELOG.md", "  stripe.customers.create({apiKey: 'sk_test_123'})\n", []],
  ["CHANGELOG.md", "  stripe.customers.create({apiKey: 'sk_test_1x9Q'})\n", ["secrets/generic-credential 1:37-1:49"]],
  ["notes.txt", "password: \\\"kT9#vQ2!pL7@xW4z\\\"\n", ["secrets/generic-credential 1:13-1:29"]],
  ["notes.txt", "password\t=\tkT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:12-1:28"]],
  // A YAML block scalar of one line is that line; a longer one (a script, a certificate) is not one value.
  ["values.yaml", "redis:\n  auth:\n    password: >-\n      kT9vQ2pL7xW4zR8mQ3Zx\n  port: 6379\n", ["secrets/generic-credential 4:7-4:27"]],
  ["k8s/secret.yaml", "stringData:\n  - api_token: |\n      kT9vQ2pL7xW4zR8mQ3Zx\n", ["secrets/generic-credential 3:7-3:27"]],
  ["values.yaml", "password: |\n  kT9vQ2pL7xW4zR8mQ3Zx\n  kT9vQ2pL7xW4zR8mQ3Zy\n", []],
  ["values.yaml", "  password: |\nkT9vQ2pL7xW4zR8mQ3Zx\n", []],
  // Values aligned in a column: up to 24 blanks after the operator (wp-config.php's salts have 9).
  ["notes.txt", "password =          kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:21-1:37"]],
  ["wp-config.php", "<?php\ndefine( 'DB_PASSWORD',      'x7#Kp2$mW9@qL4zR!v8&Nc3^Hb6*Tj1%Fg5(Yd0)Se' );\n", ["secrets/generic-credential 2:30-2:72"]],
  // Its salts are the WordPress rule's, which reads them to the closing quote (`<`, `,` and a backquote included).
  ["wp-config.php", "<?php\ndefine( 'AUTH_KEY',         'x7#Kp2$mW9@qL4zR!v8&Nc3^Hb6*Tj1%Fg5(Yd0)Se' );\ndefine( 'NONCE_SALT',       'q>W2,v<J8`pD;r]e5^Ks:Lx{9mA!c~Tz?Fh+6bN|u@Y0(gR-oE$1iS&wV.3jH/7kM%' );\n", ["secrets/wordpress-keys-and-salts 2:30-2:72", "secrets/wordpress-keys-and-salts 3:30-3:96"]],
  ["notes.txt", `password =${" ".repeat(25)}kT9#vQ2!pL7@xW4z\n`, []],
  ["notes.txt", "[password] = kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:14-1:30"]],
  ["notes.txt", "config.db.password = kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:22-1:38"]],
  ["notes.txt", "$password = kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:13-1:29"]],
  ["notes.txt", "pass-word = kT9#vQ2!pL7@xW4z\n", []],
  ["notes.txt", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaapassword = kT9#vQ2!pL7@xW4z\n", []],
  // XML entries named by a `key` or `name` attribute: the value attribute, else the element's text.
  ["web.config", "<appSettings>\n  <add key=\"ApiSecret\" value=\"kT9#vQ2!pL7@xW4z\" />\n</appSettings>\n", ["secrets/generic-credential 2:31-2:47"]],
  ["web.config", "<add key=\"ApiSecret\" value=\"${API_SECRET}\" />\n", []],
  ["web.config", "<add key=\"PageTitle\" value=\"kT9#vQ2!pL7@xW4z\" />\n", []],
  ["beans.xml", "<property name='dataSource.password' value='kT9#vQ2!pL7@xW4z'/>\n", ["secrets/generic-credential 1:45-1:61"]],
  ["hibernate.cfg.xml", "<property name=\"hibernate.connection.password\">kT9#vQ2!pL7@xW4z</property>\n", ["secrets/generic-credential 1:48-1:64"]],
  ["hibernate.cfg.xml", "<property name=\"hibernate.connection.password\"><value>kT9#vQ2!pL7@xW4z</value></property>\n", []],
  ["settings.xml", "<entry key=\"db.password\">\n  kT9#vQ2!pL7@xW4z\n</entry>\n", ["secrets/generic-credential 2:3-2:19"]],
  ["Login.tsx", "<Input name=\"password\" value=\"kT9#vQ2!pL7@xW4z\" />\n", []],
  ["login.html", "<form><input type=\"hidden\" name=\"form_token\" value=\"kT9#vQ2!pL7@xW4z\"></form>\n", []],
  ["login.html", "<meta name=\"authenticity_token\" content=\"x\"><param name=\"authenticity_token\" value=\"kT9#vQ2!pL7@xW4z\">\n", []],
  // Formats with assignments of their own: a Dockerfile's `ENV NAME value`, .netrc, .pgpass.
  ["Dockerfile", "FROM node:20\nENV DB_PASSWORD kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 2:17-2:33"]],
  ["build/api.Dockerfile", "env db_password \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:18-1:34"]],
  ["Dockerfile", "ENV PATH /usr/local/sbin:/usr/local/bin:$PATH\nENV API_TOKEN ${API_TOKEN}\n", []],
  ["setup.sh", "ENV DB_PASSWORD kT9#vQ2!pL7@xW4z\n", []],
  [".netrc", "machine api.example.com login deploy password kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:47-1:63"]],
  ["_netrc", "machine api.example.com\n  login deploy\n  password\n    kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 4:5-4:21"]],
  [".netrc", "default login anonymous password guest@example.com\n", []],
  ["notes.txt", "machine api.example.com login deploy password kT9#vQ2!pL7@xW4z\n", []],
  [".pgpass", "# host:port:db:user:password\ndb.internal:5432:orders:app:kT9#vQ2!pL7@xW4z\n", ["secrets/generic-credential 2:29-2:45"]],
  ["pgpass.conf", "*:*:*:replica:kT9\\:vQ2!pL7@xW4z\n", ["secrets/generic-credential 1:15-1:32"]],
  // A literal fallback after `||`, `??` or Python's `or` is the value of the name the expression is
  // assigned to, or of the environment variable the left side reads (also as an argument).
  ["a.ts", "const apiKey = process.env.MISTRAL_API_KEY || \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:48-1:64"]],
  ["a.ts", "const client = process.env.MISTRAL_API_KEY ?? \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:48-1:64"]],
  ["a.ts", "const config = { secret: process.env[\"S\"] || \"kT9#vQ2!pL7@xW4z\" };\n", ["secrets/generic-credential 1:47-1:63"]],
  ["a.ts", "const password = form.password || \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:36-1:52"]],
  ["a.ts", "const value = import.meta.env.VITE_API_TOKEN || \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:50-1:66"]],
  ["a.ts", "const label = options.label || \"kT9#vQ2!pL7@xW4z\";\n", []],
  ["a.ts", "connect(url, process.env.OTHER || \"kT9#vQ2!pL7@xW4z\");\n", []],
  ["a.ts", "const ok = password === \"a\" || \"kT9#vQ2!pL7@xW4z\";\n", []],
  ["a.ts", "const secret = process.env.SESSION_SECRET || \"keyboard cat\";\n", []],
  ["a.ts", "const token = a || b;\n", []],
  ["app.py", "token = os.environ.get(\"TOKEN\") or \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:37-1:53"]],
  ["app.py", "client = Client(os.getenv(\"API_TOKEN\") or \"kT9#vQ2!pL7@xW4z\")\n", ["secrets/generic-credential 1:44-1:60"]],
  ["app.py", "client = Client(os.getenv(\"API_TOKEN\"), retries or \"kT9#vQ2!pL7@xW4z\")\n", []],
  ["app.py", "key = os.getenv(\"API_TOKEN\") or \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:34-1:50"]],
  // A shell or Compose default is the value after the dash.
  ["docker-compose.yml", "    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-kT9vQ2pL7xW4zR8m}\n", ["secrets/generic-credential 2:47-2:63"]],
  ["run.sh", "export DB_PASSWORD=\"${DB_PASSWORD:-kT9vQ2pL7xW4zR8m}\"\n", ["secrets/generic-credential 1:36-1:52"]],
  ["app.py", "secret = settings.get(\"secret\") or b\"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:38-1:54"]],
  ["app.py", "label = os.getenv(\"LABEL\") or \"kT9#vQ2!pL7@xW4z\"\n", []],
  ["app.php", "$apiKey = getenv(\"API_KEY\") ?: \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:33-1:49"]],
  ["App.kt", "val token = System.getenv(\"TOKEN\") ?: \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:40-1:56"]],

  // A quoted value may hold brackets (Django's generated keys draw from `!@#$%^&*(-_=+)`), when it goes on
  // without a blank to its closing quote; code and references in brackets are not values.
  ["settings.py", "SECRET_KEY = 'k2!m9q@w3e$r5t^y7u*i9o(p1a)s-d+f=g'\n", ["secrets/generic-credential 1:15-1:49"]],
  ["a.ts", "const password = \"kT9#vQ2[pL7@xW4z\";\n", ["secrets/generic-credential 1:19-1:35"]],
  ["a.ts", "const password = \"kT9#vQ2 (pL7@xW4z)\";\n", []],
  ["a.ts", "const password = \"$(DB_PASSWORD_9x)\";\n", []],
  ["a.ts", "const token = \"fetchTokenAgain()\";\n", []],
  ["a.ts", "const password = \"kT9#vQ2!pL7@{0}xW4z\";\n", []],
  ["app.php", "$m = 'option \"auth_bearer\": '.json_encode($options['auth_bearer']).'.';\n", []],
  // A literal wrapped in the conversion that makes it a string or bytes is still the value.
  ["main.rs", "let client_secret = String::from(\"kT9#vQ2!pL7@xW4z\");\n", ["secrets/generic-credential 1:35-1:51"]],
  ["main.go", "var jwtKey = []byte(\"kT9#vQ2!pL7@xW4z\")\n", ["secrets/generic-credential 1:22-1:38"]],
  ["auth.js", "const jwtSecret = Buffer.from(\"kT9#vQ2!pL7@xW4z\", \"utf8\");\n", ["secrets/generic-credential 1:32-1:48"]],
  ["settings.py", "api_key: SecretStr = SecretStr(\"kT9#vQ2!pL7@xW4z\")\n", ["secrets/generic-credential 1:33-1:49"]],
  ["auth.js", "const jwtSecret = Buffer.from(secretText, \"kT9#vQ2!pL7@xW4z\");\n", []],
  // A property list's entries: a key and the string after it; a key whose value is no string, or a name.
  ["ios/App/Info.plist", "<dict>\n\t<key>API_SECRET</key>\n\t<string>kT9vQ2pL7xW4zR8mQ3Zx</string>\n\t<key>CFBundleName</key>\n\t<string>AcmeShop</string>\n\t<key>SENTRY_TOKEN</key>\n\t<true/>\n</dict>\n", ["secrets/generic-credential 3:10-3:30"]],
  // Android's manifest names its entries in its namespace; a Groovy map literal's key is the name, not its bracket.
  ["android/app/src/main/AndroidManifest.xml", "<application>\n  <meta-data android:name=\"com.onesignal.ApiKey\" android:value=\"kT9vQ2pL7xW4zR8mQ3Zx\"/>\n  <meta-data android:name=\"com.example.ChannelName\" android:value=\"kT9vQ2pL7xW4zR8mQ3Zy\"/>\n</application>\n", ["secrets/generic-credential 2:65-2:85"]],
  ["android/app/build.gradle", "defaultConfig {\n  manifestPlaceholders = [MAPS_API_KEY: \"kT9vQ2pL7xW4zR8mQ3Zx\"]\n}\n", ["secrets/generic-credential 2:42-2:62"]],
  // A credential handed alone to its setter or builder; a method that does something else with it is no setter.
  ["Db.java", "HikariConfig config = new HikariConfig();\nconfig.setPassword(\"kT9#vQ2!pL7@xW4z\");\n", ["secrets/generic-credential 2:21-2:37"]],
  ["mail.js", "sgMail.setApiKey('kT9vQ2pL7xW4zR8mQ3Zx');\n", ["secrets/generic-credential 1:19-1:39"]],
  ["pay.php", "<?php\n\\Stripe\\Stripe::setApiKey('kT9vQ2pL7xW4zR8mQ3Zx');\n$client->setAccessToken('kT9vQ2pL7xW4zR8mQ3Zy');\n", ["secrets/generic-credential 2:28-2:48", "secrets/generic-credential 3:26-3:46"]],
  ["Db.java", "DataSource ds = DataSourceBuilder.create().username(\"app\").password(\"kT9#vQ2!pL7@xW4z\").build();\n", ["secrets/generic-credential 1:70-1:86"]],
  ["main.go", "opts.SetPassword(\"kT9#vQ2!pL7@xW4z\")\n", ["secrets/generic-credential 1:19-1:35"]],
  ["Auth.java", "String h = encoder.hashPassword(\"kT9#vQ2!pL7@xW4z\");\nboolean ok = auth.validateToken(\"kT9#vQ2!pL7@xW4z\");\nuser.getPassword(\"kT9#vQ2!pL7@xW4z\");\ncache.setKey(\"kT9#vQ2!pL7@xW4z\");\nconfig.setPassword(\"kT9#vQ2!pL7@xW4z\", realm);\n", []],
  // A credential in a URL's query inside a string of code; not a parameter an interpolation goes on, nor one named otherwise.
  ["weather.ts", "const res = await fetch(`https://newsapi.org/v2/top-headlines?country=us&apiKey=kT9vQ2pL7xW4zR8mQ3Zx`);\n", ["secrets/generic-credential 1:81-1:101"]],
  ["weather.py", "r = requests.get(f\"https://api.example.io/v1/items?q={q}&access_token=kT9vQ2pL7xW4zR8mQ3Zx\")\n", ["secrets/generic-credential 1:71-1:91"]],
  ["weather.ts", "const a = `https://api.example.io/v1?token=${token}`;\nconst b = `https://api.example.io/v1?api_key=kT9vQ2pL7xW4zR8mQ${suffix}`;\nconst c = \"https://api.example.io/v1?page=kT9vQ2pL7xW4zR8mQ3Zx\";\n", []],
  // A query on a documentation host shows a made-up token; a percent-encoded value is a test's words.
  ["oauth.py", "'''\n    https://example.com/protected?access_token=kjfch2345sdf\n'''\nq = \"oauth_token_secret=x&oauth_token=lock%26key\"\n", []],
  // A command line's option that names a credential, its value after a blank; the AWS and GitHub CLIs' settings.
  ["docker-compose.yml", "services:\n  redis:\n    command: redis-server --requirepass kT9vQ2pL7xW4zR8m\n  api:\n    args: [\"--requirepass\", \"kT9vQ2pL7xW4zR8q\"]\n", ["secrets/generic-credential 3:41-3:57", "secrets/generic-credential 5:30-5:46"]],
  ["setup.sh", "mytool --api-key kT9vQ2pL7xW4zR8mQ3Zx --verbose\naws configure set aws_secret_access_key wJa9rXUtnF3MI2K7MDENGbPxRfiCY4Q7ZqL1vT0e\ngh secret set API_TOKEN --body \"kT9vQ2pL7xW4zR8mQ3Zy\"\n", ["secrets/generic-credential 1:18-1:38", "secrets/aws-secret-access-key 2:41-2:81", "secrets/generic-credential 3:33-3:53"]],
  ["setup.sh", "docker build --secret id=npmrc,src=$HOME/.npmrc .\nmytool --password-file /run/secrets/db --token $GITHUB_TOKEN --api-key \"${API_KEY}\"\naws configure set region us-east-1\ngh secret set API_TOKEN < token.txt\n", []],
  // A string of code that is an assignment or a flag, or a line of a file the code writes; a literal stringified for a bundler.
  ["env.php", "<?php\nputenv(\"API_KEY=kT9vQ2pL7xW4zR8mQ3Zx\");\n", ["secrets/generic-credential 2:17-2:37"]],
  ["setup.js", "fs.writeFileSync(\".env\", \"PORT=3000\\nOPENAI_API_KEY=kT9vQ2pL7xW4zR8mQ3Zx\\n\");\n", ["secrets/generic-credential 1:53-1:73"]],
  ["run.js", "const child = spawn(\"tool\", [\"--api-key=kT9vQ2pL7xW4zR8mQ3Zx\", \"--verbose\"]);\n", ["secrets/generic-credential 1:41-1:61"]],
  ["vite.config.ts", "export default { define: { \"process.env.API_KEY\": JSON.stringify(\"kT9vQ2pL7xW4zR8mQ3Zx\") } };\n", ["secrets/generic-credential 1:67-1:87"]],
  ["log.js", "log(\"token=%s\", t);\nconst q = \"mode=kT9vQ2pL7xW4zR8mQ3Zx\";\n", []],
  // A Python f-string with nothing interpolated is a literal; reqwest's bearer_auth is a credential's setter.
  ["api.py", "headers = {\"Authorization\": f\"Bearer kT9vQ2pL7xW4zR8mQ3Zx\", \"X-Api-Key\": f\"kT9vQ2pL7xW4zR8mQ3Zy\"}\n", ["secrets/generic-credential 1:38-1:58", "secrets/generic-credential 1:76-1:96"]],
  ["main.rs", "let res = client.get(url).bearer_auth(\"kT9vQ2pL7xW4zR8mQ3Zx\").send().await?;\n", ["secrets/generic-credential 1:40-1:60"]],
  // A generator's template of a source file is that source: a bare value is an expression there too.
  ["templates/auth.ts.ejs", "const bearerToken = response?.headers?.authorization;\nconst apiKey = \"kT9vQ2pL7xW4zR8mQ3Zx\";\n", ["secrets/generic-credential 2:17-2:37"]],
  ["templates/config.yml.j2", "api:\n  token: kT9vQ2pL7xW4zR8mQ3Zx\n", ["secrets/generic-credential 2:10-2:30"]],
  // Clerk's secret keys have Stripe's shape: the line that names Clerk says whose it is.
  ["keys.ts", "export const CLERK_SECRET_KEY = \"sk_live_5Rq2vWm8LpX3kT9zN4bH7cJ1dF6gY0aQeU2iO8\";\nexport const STRIPE_SECRET_KEY = \"sk_live_5Rq2vWm8LpX3kT9zN4bH7cJ1dF6gY0aQeU2iO8\";\n", ["secrets/clerk-secret-key 1:34-1:80", "secrets/stripe-key 2:35-2:81"]],
  // Apple's URLRequest takes the header's value first (Swift, Objective-C).
  ["Api.swift", "request.setValue(\"kT9vQ2pL7xW4zR8mQ3Zx\", forHTTPHeaderField: \"X-Api-Key\")\nrequest.setValue(\"Bearer kT9vQ2pL7xW4zR8mQ3Zy\", forHTTPHeaderField: \"Authorization\")\nrequest.setValue(\"application/json\", forHTTPHeaderField: \"Content-Type\")\n", ["secrets/generic-credential 1:19-1:39", "secrets/generic-credential 2:26-2:46"]],
  ["Api.m", "[request setValue:@\"kT9vQ2pL7xW4zR8mQ3Zx\" forHTTPHeaderField:@\"X-Api-Key\"];\n", ["secrets/generic-credential 1:21-1:41"]],
  // A `user:password` literal base64-encoded for a Basic header: the password, in each language's encoder.
  ["api.ts", "const h = { Authorization: \"Basic \" + btoa(\"admin:kT9vQ2pL7xW4zR8mQ3Zx\") };\n", ["secrets/generic-credential 1:51-1:71"]],
  ["api.ts", "const h = `Basic ${Buffer.from(\"svc@corp.org:kT9vQ2pL7xW4zR8mQ3Zx\").toString(\"base64\")}`;\n", ["secrets/generic-credential 1:46-1:66"]],
  ["api.py", "auth = base64.b64encode(b\"admin:kT9vQ2pL7xW4zR8mQ3Zx\").decode()\n", ["secrets/generic-credential 1:33-1:53"]],
  ["api.rb", "auth = Base64.strict_encode64(\"admin:kT9vQ2pL7xW4zR8mQ3Zx\")\n", ["secrets/generic-credential 1:38-1:58"]],
  ["api.php", "<?php\n$auth = base64_encode('admin:kT9vQ2pL7xW4zR8mQ3Zx');\n", ["secrets/generic-credential 2:30-2:50"]],
  ["Api.java", "String auth = Base64.getEncoder().encodeToString(\"admin:kT9vQ2pL7xW4zR8mQ3Zx\".getBytes());\n", ["secrets/generic-credential 1:57-1:77"]],
  ["api.go", "auth := base64.StdEncoding.EncodeToString([]byte(\"admin:kT9vQ2pL7xW4zR8mQ3Zx\"))\n", ["secrets/generic-credential 1:57-1:77"]],
  ["Api.cs", "var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(\"admin:kT9vQ2pL7xW4zR8mQ3Zx\"));\n", ["secrets/generic-credential 1:65-1:85"]],
  // Not encoded, made up, interpolated, or a token's fixed password (GitHub's `x-oauth-basic`).
  ["api.ts", "const b = Buffer.from(\"admin:kT9vQ2pL7xW4zR8mQ3Zx\");\nconst c = btoa(\"admin:password\");\nconst d = btoa(`${user}:${pass}`);\nconst e = btoa(\"deploy:x-oauth-basic\");\n", []],
  // Redis' own configuration: the password clients AUTH with and a replica's password for its master.
  ["redis.conf", "bind 127.0.0.1\nrequirepass kT9vQ2pL7xW4zR8mQ3Zx\n# requirepass foobared\nmasterauth \"Zr8pV3kq1LmW4tQ9\"\n", ["secrets/generic-credential 2:13-2:33", "secrets/generic-credential 4:13-4:29"]],
  ["notes.txt", "requirepass kT9vQ2pL7xW4zR8mQ3Zx\n", []],
  // jose signs with bytes: `new TextEncoder().encode("…")`.
  ["auth.ts", "const secret = new TextEncoder().encode(\"kT9#vQ2!pL7@xW4z\");\n", ["secrets/generic-credential 1:42-1:58"]],
  ["auth.ts", "const secret = new TextEncoder().encode(process.env.JWT_SECRET);\n", []],
  // A default inside a string in code (Spring's @Value), as a config file's is read.
  ["Cfg.java", "@Value(\"${jwt.secret:kT9#vQ2!pL7@xW4z}\") private String secret;\n", ["secrets/generic-credential 1:22-1:38"]],
  ["Cfg.java", "@Value(\"${jwt.secret}\") private String secret;\n@Value(\"${jwt.issuer:kT9#vQ2!pL7@xW4z}\") private String issuer;\n", []],
  // A value named only `key` is named by the object that holds it.
  ["appsettings.json", "{\n  \"Jwt\": { \"Key\": \"kT9#vQ2!pL7@xW4z\", \"Issuer\": \"app\" }\n}\n", ["secrets/generic-credential 2:20-2:36"]],
  ["config/app.yml", "stripe:\n  key: kT9vQ2pL7xW4zR8m\n", ["secrets/generic-credential 2:8-2:24"]],
  ["config.ts", "export const config = { openai: { key: \"kT9#vQ2!pL7@xW4z\" } };\n", ["secrets/generic-credential 1:41-1:57"]],
  ["appsettings.json", "{\n  \"Cache\": { \"Key\": \"kT9#vQ2!pL7@xW4z\" }\n}\n", []],
  ["config/app.yml", "cache:\n  key: kT9vQ2pL7xW4zR8m\n", []],
  ["config.ts", "const key = \"kT9#vQ2!pL7@xW4z\";\n", []],

  // A record's `value` is named by its `name`: a container's environment (Kubernetes, ECS, Terraform).
  ["k8s/deploy.yaml", "containers:\n  - name: api\n    env:\n      - name: DATABASE_PASSWORD\n        value: \"kT9vQ2pL7xW4zR8m\"\n      - name: LOG_LEVEL\n        value: \"kT9vQ2pL7xW4zR8q\"\n", ["secrets/generic-credential 5:17-5:33"]],
  ["k8s/deploy.yaml", "env:\n  - value: kT9vQ2pL7xW4zR8m\n    name: API_TOKEN\n  - value: kT9vQ2pL7xW4zR8q\n    name: REGION\n", ["secrets/generic-credential 2:12-2:28"]],
  ["ecs/task.json", "{ \"environment\": [ { \"name\": \"API_TOKEN\", \"value\": \"kT9vQ2pL7xW4zR8mQ\" }, { \"name\": \"REGION\", \"value\": \"kT9vQ2pL7xW4zR8mQ\" } ] }\n", ["secrets/generic-credential 1:53-1:70"]],
  ["main.tf", "resource \"x\" \"y\" {\n  env {\n    name  = \"SMTP_PASSWORD\"\n    value = \"kT9#vQ2!pL7@xW4z\"\n  }\n}\n", ["secrets/generic-credential 4:14-4:30"]],
  // The name of another record, or a nested one, is not this value's.
  ["ecs/task.json", "[ { \"name\": \"API_TOKEN\" }, { \"value\": \"kT9vQ2pL7xW4zR8mQ\" } ]\n", []],
  ["k8s/deploy.yaml", "- name: API_TOKEN\n  valueFrom:\n    secretKeyRef:\n      name: api\n- name: REGION\n  value: kT9vQ2pL7xW4zR8m\n", []],

  // `||=` and `??=` assign when the name has no value yet.
  ["config.rb", "ENV[\"API_KEY\"] ||= \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:21-1:37"]],
  ["config.ts", "settings.apiToken ??= \"kT9#vQ2!pL7@xW4z\";\n", ["secrets/generic-credential 1:24-1:40"]],

  // The C preprocessor: `#define NAME "literal"` (an Arduino sketch's Wi-Fi password, a header's API key).
  ["secrets.h", "#define WIFI_SSID \"home\"\n#define WIFI_PASSWORD \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 2:24-2:40"]],
  ["sketch.ino", "  #  define API_KEY L\"kT9vQ2pL7xW4zR8mN3bC\"  // from the console\r\n", ["secrets/generic-credential 1:23-1:43"]],
  ["config.h", "#define API_KEY \"kT9#vQ2!pL7@xW4z\" \"suffix\"\n#define API_TOKEN get_token()\n#define PASSWORD_LENGTH \"kT9#vQ2!pL7@xW4z\" + 1\n", []],
  // Gradle: Groovy's bracketless call (a signing config's passwords) and Android's buildConfigField, whose value is a Java literal inside the script's string.
  ["app/build.gradle", "signingConfigs {\n    release {\n        keyAlias \"release-key\"\n        storePassword \"kT9#vQ2!pL7@xW4z\"\n    }\n}\n", ["secrets/generic-credential 4:24-4:40"]],
  ["app/build.gradle", "        buildConfigField \"String\", \"API_KEY\", '\"kT9vQ2pL7xW4zR8mN3bC\"'\n", ["secrets/generic-credential 1:49-1:69"]],
  ["app/build.gradle.kts", "buildConfigField(\"String\", \"API_KEY\", \"\\\"kT9vQ2pL7xW4zR8mN3bC\\\"\")\n", ["secrets/generic-credential 1:42-1:62"]],
  ["app/build.gradle.kts", "buildConfigField(\"String\", \"API_KEY\", \"\\\"${System.getenv(\"API_KEY\")}\\\"\")\n", []],
  // Elixir's module attribute.
  ["lib/weather.ex", "defmodule Weather do\n  @api_key \"kT9vQ2pL7xW4zR8mN3bC\"\n  @moduledoc \"Weather lookups for the shop\"\nend\n", ["secrets/generic-credential 2:13-2:33"]],
  // An HTTP request written out: the Authorization header unquoted (a REST client's .http file, YAML).
  ["api.http", "GET https://api.acme-corp.io/v1/items\nAuthorization: Bearer kT9vQ2pL7xW4zR8mN3bC\n", ["secrets/generic-credential 2:23-2:43"]],
  ["api.http", "GET https://api.acme-corp.io/v1/items\nAuthorization: Bearer {{token}}\nAuthorization: Basic b3BlbnNoaWZ0LWNoYWxsZW5naW5nLWNsaWVudDo=\n", []],
  // A key/value record's value is named by its key (a Postman collection's header).
  ["shop.postman_collection.json", "{ \"header\": [\n  { \"key\": \"x-api-key\", \"value\": \"kT9vQ2pL7xW4zR8mN3bC\", \"type\": \"text\" },\n  { \"key\": \"Accept\", \"value\": \"application/json+kT9vQ2pL7x\" }\n] }\n", ["secrets/generic-credential 2:35-2:55"]],
  // A pydantic field's default, a Go struct tag's default, a literal fallback given by a call (Rust, Java).
  ["settings.py", "class Settings(BaseSettings):\n    api_key: str = Field(\"kT9vQ2pL7xW4zR8mN3bC\", description=\"Weather\")\n    db_password: str = Field(default=\"kT9#vQ2!pL7@xW4z\")\n", ["secrets/generic-credential 2:27-2:47", "secrets/generic-credential 3:39-3:55"]],
  ["config.go", "type Config struct {\n\tAPIKey string `env:\"API_KEY\" envDefault:\"kT9vQ2pL7xW4zR8mN3bC\"`\n\tPort   int    `env:\"PORT\" envDefault:\"8080\"`\n\tName   string `envconfig:\"APP_NAME\" default:\"shop-service-api\"`\n}\n", ["secrets/generic-credential 2:43-2:63"]],
  ["main.rs", "let token = env::var(\"API_TOKEN\").unwrap_or(\"kT9vQ2pL7xW4zR8mN3bC\".to_string());\nlet t2 = std::env::var(\"API_TOKEN\").unwrap_or_else(|_| \"kT9vQ2pL7xW4zR8mN3bD\".into());\nlet mode = env::var(\"MODE\").unwrap_or(\"production-mode\".to_string());\n", ["secrets/generic-credential 1:46-1:66", "secrets/generic-credential 2:57-2:77"]],
  ["Cfg.java", "String v = Optional.ofNullable(System.getenv(\"API_KEY\")).orElse(\"kT9vQ2pL7xW4zR8mN3bC\");\n", ["secrets/generic-credential 1:66-1:86"]],
];

describe("secret assignments", () => {
  ROWS.forEach(([filename, code, expected], index) => {
    it(`#${index} ${filename}: ${code.split("\n")[0].slice(0, 70)}`, () => {
      const found = visible(analyse(code, { filename })).filter((f) => f.family === "secrets").map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
      assert.deepEqual(found, expected);
    });
  });
});
