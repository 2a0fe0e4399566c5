// secrets/generic-credential on shapes met in real Python packages and sample configs (Debian's
// python3-django, ansible, keystone, nova, freeradius, pgbouncer, dovecot, botocore, rabbitmq): names
// rather than values (identifiers with digits, policy rules, flags, sigils, the next key of a key=value
// list), printf templates, AWS resource names, bare words after a comma, literals that go on as prose or
// a format template, pagination tokens, a URL's user info taken for a name, values that say they are for
// testing, password hashes, and the empty fields of a colon-separated record. The invalid rows hold the line: real values in the same
// shapes are still reported.
import { ruleTable } from '../../helpers/rule-tester';

ruleTable('secrets/generic-credential', {
  valid: [
    { filename: 'app/migrations/0003_alter_user.py', code: "dependencies = [\n    ('auth', '0002_alter_permission_name_max_length'),\n]\n" },
    { filename: 'plugins/doc_fragments/aws.py', code: "aliases = ['aws_access_key_id', 'aws_access_key', 'ec2_access_key']\n" },
    { filename: 'plugins/modules/vs.py', code: "choices = ['ipv6-auth', 'ipv6-crypt', 'ipv6-icmp']\n" },
    { filename: 'module_utils/modules.py', code: "deprecated = {'EC2_SECRET_KEY', 'EC2_ACCESS_KEY', 'EC2_URL'}\n" },
    { filename: 'etc/keystone/policy.yaml', code: '"identity:get_credential": "rule:admin_required"\n' },
    { filename: 'etc/nova/api-paste.ini', code: 'use = call:nova.api.auth:pipeline_factory_v21\n' },
    { filename: 'etc/freeradius/mods-available/mschap', code: 'ntlm_auth = mschapv2-and-ntlmv2-only\n' },
    { filename: 'etc/freeradius/sites-available/challenge', code: 'Cleartext-Password := &session-state:Tmp-Integer-0\n' },
    { filename: 'plugins/connection/oc.py', code: "flags = {\n    'client_key': '--client-key',\n}\n" },
    { filename: 'include/consul.hrl', code: 'consul_acl_token => #peer_discovery_config_entry_meta{\n' },
    { filename: 'config/cloud-config-aws.ini.template', code: 'aws_access_key: @ACCESS_KEY\n' },
    { filename: 'etc/pgbouncer/pgbouncer.ini', code: ';;   dbname= host= port= user= password= auth_user=\n' },
    { filename: 'vars/manager.py', code: "self._omit_token = '__omit_place_holder__%s' % sha1(os.urandom(64)).hexdigest()\n" },
    { filename: 'modules/netapp_e_auth.py', code: "update_pwd = 'storage-systems/%s' % ssid\n" },
    { filename: 'modules/codebuild_project.py', code: 'encryption_key: "arn:aws:kms:us-east-1:123123:alias/aws/s3"\n' },
    { filename: 'PKG-INFO', code: 'auth = v3.Password(auth_url="http://example.com:5000/v3", username="admin",\n                    password="password", project_name="admin")\n' },
    { filename: 'examples/test.yml', code: "msg: \"{{ lookup('conjur_variable', '/path/to/secret', validate_certs=false) }}\"\n" },
    { filename: 'template/base.py', code: "token = 'variable|default:\"Default value\"|date:\"Y-m-d\"'\n" },
    { filename: 'tests/test_ec2utils.py', code: "auth_str = 'AWS4-HMAC-SHA256 blah'\n" },
    { filename: 'modules/ali_instance.py', code: 'client_token = "Ansible-Alicloud-{0}-{1}".format(hash(params), time.time())\n' },
    { filename: 'data/s3/examples-1.json', code: '{\n  "NextContinuationToken": "1w41l63U0xa8q7smH50vCxyTQqdxo69O3EmK28Bi5PcROI4wI/EyIJg==",\n  "nextPageToken": "kT9vQ2pL7xW4zR8m"\n}\n' },
    { filename: 'etc/freeradius/mods-available/sql', code: '#\tserver = "mongodb://USER:PASSWORD@192.16.0.2:PORT/DATABASE?authSource=admin&ssl=false"\n' },
    { filename: 'etc/freeradius/clients.conf', code: 'client localhost {\n\tsecret = testing123\n}\n' },
    { filename: 'roles/users/defaults/main.yml', code: "admin_secret: 'testing123!'\nsnmp_password: 'test@12345'\n" },
    { filename: 'plugins/modules/mysql_user.py', code: "    password: '*EE0D72C1085C46C5278932678FBE2C6A782821B4'\n    encrypted: yes\n" },
    { filename: 'molecule/prepare.yml', code: 'htpasswd_password: "$2y$05$zgjczyp96jCIp//CGmnWiefhd7G3l54IdsZoV4IwA1UWtd04L0lE2"\n' },
    { filename: 'wiki/PasswordDatabase.txt', code: 'user:{plain}password::::::allow_nets=192.168.0.0/24\n' },
    { filename: 'roles/os9_users/templates/os9_users.j2', code: '{% set passwd = item.pass_key|string+" "+item.password %}\n' },
    // Also met in a node_modules survey: a README badge's token, an auth scheme word followed by prose.
    { filename: 'README.md', code: '[![codecov](https://codecov.io/gh/acme/lib/branch/main/graph/badge.svg?token=yZL6LtXkOA)](https://codecov.io/gh/acme/lib)\n' },
    { filename: 'lib/es/diagnosticMessages.generated.json', code: '{\n  "Unexpected_token_1012": "Token inesperado.",\n  "Invalid_token_1013": "Token non valido!"\n}\n' },
    // Met in a survey of provider SDKs on npm: a payment's version token (concurrency, not access), an
    // idempotency key, a sync token.
    { filename: 'api/resources/payments/client/Client.js', code: '     *             versionToken: "ODhwVQ35xwlzRuoZEwKXucfu7583sPTzK48c5zoGd0g6o"\n' },
    // Met in Debian's web applications and servers (cacti, dokuwiki, icinga2, mediawiki, redmine, wordpress,
    // zabbix): quotes written as HTML entities, a shell string of variables, an alphabet showing the allowed
    // characters, dotted token types, an address, a translation cut at a letter beyond ASCII, a stored hash.
    { filename: 'doc/html/Installing.html', code: '$database_password = &#39;cactiuser&#39;;\n$rdatabase_password = &quot;cacti&quot;;\n' },
    { filename: 'bin/addsite', code: 'echo "$superuser:$password:$fullname:$email:admin,user" >> $usersauth\n' },
    { filename: 'include/items.inc.php', code: "$snmp_desc[] = '(priv: '.$priv_protocol.', auth: '.$auth_protocol.')';\n" },
    { filename: 'etc/icinga2/features-available/influxdb2.conf', code: '  //auth_token = "ABCDEvwxyz0189-_"\n' },
    { filename: 'ace/mode-slim.js', code: 'rules["start"][i].token += ".virtual-comment";\nconst rule = { token: "constant.begin..filter.slim" };\n' },
    { filename: 'includes/user/BotPassword.php', code: ' * There are two ways to login with a bot password: "username@appId", "password" and\n' },
    { filename: 'Net/SMTP.php', code: "if (PEAR::isError($error = $this->put('AUTH', 'DIGEST-MD5'))) {\n$auth = array('AUTH', 'SCRAM-SHA-256');\n" },
    { filename: 'wp-admin/includes/class-ftp.php', code: '$this->_password="anon@ftp.com";\n' },
    { filename: 'config/locales/es.yml', code: 'error_ldap_bind_credentials: Cuenta/Contraseña LDAP incorrecta\n' },
    { filename: 'db/migrate/001_setup.rb', code: 'user.hashed_password = "5e9c0f21d3a7b64f08e2c19a7d4b3f6e81a05c92"\n' },
    // Met in Debian's Go and Rust packages: MinIO's public playground keys in an SDK's sample config, jwt.io's
    // sample token and a JWT's header alone in a JWT library's benchmarks and tests.
    { filename: 'examples/minio/config.json.sample', code: '{\n  "url": "https://play.min.io",\n  "accessKey": "Q3AM3UQ867SPQQA43P2F",\n  "secretKey": "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG"\n}\n' },
    { filename: 'benches/jwt.rs', code: 'let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ";\n' },
    { filename: 'tests/hmac.rs', code: 'let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";\n' },
    // Met in application packages on npm (Strapi, NestJS): an API description's request example, and the
    // same in YAML and in code; a README badge's `abc123def456`.
    { filename: 'overrides/users-permissions-User.json', code: '{\n  "requestBody": {\n    "content": {\n      "application/json": {\n        "schema": { "type": "object", "properties": { "password": { "type": "string" } } },\n        "example": {\n          "identifier": "hi@strapi.io",\n          "password": "superSecure123"\n        }\n      }\n    }\n  }\n}\n' },
    { filename: 'api/openapi.yaml', code: 'components:\n  examples:\n    login:\n      value:\n        - identifier: hi@acme.io\n          # a comment\n          password: "superSecure123"\n' },
    { filename: 'src/auth/dto.ts', code: 'export const docs = {\n  examples: [\n    { user: "ada", password: "superSecure123" },\n  ],\n};\n' },
    { filename: 'README.md', code: '[circleci-image]: https://img.shields.io/circleci/build/github/nestjs/nest/master?token=abc123def456\n' },
    { filename: 'docs/payments.md', code: '  "version_token": "ODhwVQ35xwlzRuoZEwKXucfu7583sPTzK48c5zoGd0g6o",\n  "idempotency_key": "kT9vQ2pL7xW4zR8mQ3",\n  "syncToken": "kT9vQ2pL7xW4zR8mQ3"\n' },
    // Met in Debian's ansible collections: a module's usage examples (an `EXAMPLES` string, also holding
    // the other kind of triple quotes), and a Basic header for an OAuth client with no secret (`user:`).
    { filename: 'plugins/modules/datadog_monitor.py', code: 'DOCUMENTATION = """\nshort_description: x\n"""\n\nEXAMPLES = r\'\'\'\n- name: Create a monitor\n  monitor:\n    note: \'see """this"""\'\n    api_key: "9775a026f1ca7d1c6c5af9d94d9595a4"\n\'\'\'\n' },
    { filename: 'plugins/modules/openshift_auth.py', code: "headers = {'Authorization': 'Basic b3BlbnNoaWZ0LWNoYWxsZW5naW5nLWNsaWVudDo='}\n" },
    // Met in Debian's Perl modules: a receiver before `->` in a documentation page's code.
    { filename: 'lib/Dancer2/Cookbook.pod', code: "    my $password  = query_parameters->get('password');\n" },
    // Met in Debian's documentation packages: markup escaped in HTML (a placeholder, a literal that goes
    // on as text), a Django password hash, two words with a slash, the Flask docs' example SECRET_KEY.
    { filename: 'doc/api/tls.html', code: '<code>{pem: &lt;string|buffer&gt;[, passphrase: &lt;string&gt;]}</code>\n' },
    { filename: 'doc/ref/templates/base.html', code: '<span class="sd">&gt;&gt;&gt; token = &#39;variable|default:&quot;Default value&quot;|date:&quot;Y-m-d&quot;&#39;</span>\n' },
    { filename: 'doc/topics/auth/customizing.html', code: "ADMIN_PASSWORD = 'pbkdf2_sha256$30000$Vo0VlMnkR4Bk$qEvtdyZRWTcOsCnI/oQ7fVOu1XAURIZYoOZ3iq8Dr4M='\n" },
    { filename: 'doc/changelog/migration_09.rst', code: '# password: "apples/oranges"\n' },
    // Met in Debian's Azure SDK for Python: a serialised field's camel-cased name in an attribute map.
    { filename: 'azure/mgmt/netapp/models/_models_py3.py', code: '    _attribute_map = {\n        "kerberos5_read_write": {"key": "kerberos5ReadWrite", "type": "bool"},\n        "kerberos5_i_read_write": {"key": "kerberos5iReadWrite", "type": "bool"},\n    }\n' },
    { filename: 'doc/config.rst', code: "SECRET_KEY = '192b9bdd22ab9ed4d12e236c78afcb9a393ec15f71bbf5dc987d54727823bcbf'\n$ export FLASK_SECRET_KEY=\"5f352379324c22463451387a0aec5d2f\"\n" },
    // Met in Debian's OAuth and SDK libraries: a docstring's doctest and the dict it prints, RFC 6750's
    // example token, an SDK paginator's JMESPath expression, an `__all__` list of class names.
    { filename: 'requests_oauthlib/oauth1_session.py', code: "class OAuth1Session:\n    \"\"\"Request signing.\n\n    >>> oauth_session.fetch_request_token(request_token_url)\n    {\n        'oauth_token': 'kjerht2309u',\n        'oauth_token_secret': 'lsdajfh923874',\n    }\n    \"\"\"\n" },
    { filename: 'authlib/oauth2/rfc6750/token.py', code: 'HTTP/1.1 200 OK\n\n{\n    "access_token":"mF_9.B5f-4.1JqM",\n    "token_type":"Bearer"\n}\n' },
    { filename: 'botocore/data/kinesis/2013-12-02/paginators-1.json', code: '{\n  "limit_key": "Limit",\n  "output_token": "StreamDescription.Shards[-1].ShardId"\n}\n' },
    { filename: 'authlib/integrations/httpx_client/__init__.py', code: "__all__ = [\n    'OAuth2Auth', 'OAuth2ClientAuth', 'OAuth2Client', 'AsyncOAuth2Client',\n]\n" },
    // Met in Debian's web applications: an install guide's password that is its user's name, in SQL, an
    // INI block and a shell line; a list of choices in a changelog.
    { filename: 'doc/20-Advanced-Topics.md', code: "GRANT SELECT, INSERT ON icingaweb2.* TO 'icingaweb2'@'localhost' IDENTIFIED BY 'icingaweb2';\n" },
    { filename: 'doc/20-Advanced-Topics.md', code: 'dbname              = "icingaweb2"\nusername            = "icingaweb2"\npassword            = "icingaweb2"\n' },
    { filename: 'doc/80-Upgrading.md', code: '# export PGPASSWORD=icingaweb2\n# psql -U icingaweb2 -d icingaweb2 < upgrade.sql\n' },
    { filename: 'vendor/guzzle/UPGRADING.md', code: "  `$client->setDefaultOption('auth', array('user', 'pass', 'Basic|Digest|NTLM|Any'));`\n" },
    // Met in Debian's AWS SDK for Go: a signature's credential scope (an access key's ID, a date, a region
    // and a service), which every signed request sends in the clear; Google Cloud Storage's the same.
    { filename: 'internal/v4a/v4a_test.go', code: 'expectedCredential := "AKISORANDOMAASORANDOM/19700101/dynamodb/aws4_request"\n' },
    { filename: 'signer/v4_test.go', code: 'credential = "AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request"\n' },
    { filename: 'storage/sign_test.py', code: 'credential_scope = "GOOG1EXAMPLE/20240101/auto/storage/goog4_request"\n' },
    // Met in Debian's Docker sources: an API description's block of text showing a header's JSON, and a
    // test's /etc/passwd file under the key `passwd`.
    { filename: 'api/swagger.yaml', code: '        - name: "X-Registry-Config"\n          description: |\n            The value is an auth configuration object:\n\n            ```\n            {\n              "https://index.docker.io/v1/": {\n                "username": "mobydock",\n                "password": "conta1n3rize14"\n              }\n            }\n            ```\n          type: "string"\n' },
    // Met in npm packages: shiki's README badge through shields.io, and Next.js' source map, whose names
    // list an environment variable after the property it fills.
    { filename: 'README.md', code: '[![coverage](https://img.shields.io/codecov/c/github/shikijs/shiki?token=B85J0E2I7I&style=flat)](https://codecov.io/gh/shikijs/shiki)\n' },
    { filename: 'dist/server/web/get-edge-preview-props.js.map', code: '{"version":3,"names":["process","env","previewModeSigningKey","__NEXT_PREVIEW_MODE_SIGNING_KEY","previewModeEncryptionKey","__NEXT_PREVIEW_MODE_ENCRYPTION_KEY"]}\n' },
    // Met in CodeMirror's legacy modes: a numbered token style, a word and a counter.
    { filename: 'mode/nsis.cjs', code: '{regex: /\\${(?:End)?If\\}/i, token: "variable-2", indent: true},\n' },
    // Met in Monaco's grammars: a rule's token, a highlighting scope filled with a capture.
    { filename: 'dev/vs/apex.js', code: 'const cases = { "@keywords": { token: "keyword.$0" }, "@reservedConstNames": { token: "constant.reserved.$0" }, "@tagwords": { token: "keyword.tag-$0" } };\n' },
    // Met in n8n's nodes: a credential form's placeholder that spells out what goes there.
    { filename: 'nodes/N8n/CredentialDescription.js', code: "const field = { placeholder: '{\\n  \"apiKey\": \"my-n8n-api-key\",\\n}' };\n" },
    // Met in Debian's postfixadmin: a list of authentication choices, the first of which is `password`.
    { filename: 'model/FetchmailHandler.php', code: "$src_auth_options = array('password','kerberos_v5','kerberos','kerberos_v4','gssapi','cram-md5');\n" },
    // Met in Debian's OpenStack Heat: a template resource's type, a namespaced name.
    { filename: 'heat_integrationtests/functional/test_template_resource.py', code: 'env = \'\'\'\n{"resource_registry": {"My::Secret": "OS::Heat::RandomString"}}\n\'\'\'\n' },
    // Met in Debian's Puppet modules: a class parameter whose default is a top-scope or qualified variable.
    { filename: 'manifests/init.pp', code: 'class aodh (\n  $amqp_password                      = $::os_service_default,\n  $auth_pass              = $::redis::params::sentinel_auth_pass,\n) {}\n' },
    { filename: 'builder/internals_test.go', code: 'testFiles := map[string]string{\n\t"passwd": `root:x:0:0::/bin:/bin/false\nbin:x:1:1::/bin:/bin/false\n`,\n}\n' },
  ],
  invalid: [
    // A password that is not its user's name, or equals another field that is no user (a confirmation).
    { filename: 'config/db.ini', code: 'username = "icingaweb2"\npassword = "icingaweb2Qx7"\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 26 }] },
    { filename: 'spec/users.rb', code: "password: 'kT9vQ2pL7xW4', password_confirmation: 'kT9vQ2pL7xW4'\n", errors: [{ line: 1, column: 12, endLine: 1, endColumn: 24 }] },
    // After a docstring's doctest closes, the code's own values count; a path whose index is its end is not one of names.
    { filename: 'client.py', code: "def f():\n    \"\"\"\n    >>> f()\n    \"\"\"\noauth_token_secret = 'lsdajfh923874Qx'\n", errors: [{ line: 5, column: 23, endLine: 5, endColumn: 38 }] },
    { filename: 'config.json', code: '{ "api_token": "Zk3pQ9wLx2[Rv8]TnB4yHc6" }\n', errors: [{ line: 1, column: 17, endLine: 1, endColumn: 40 }] },
    // Mixed case that does not fall apart into words is still a credential's value.
    { filename: 'config/app.py', code: 'write_key = "kT9vQ2pLReadWrite"\n', errors: [{ line: 1, column: 14, endLine: 1, endColumn: 31 }] },
    // The same shapes with values of their own.
    { filename: 'doc/config.rst', code: "SECRET_KEY = '192b9bdd22ab9ed4d12e236c78afcb9a393ec15f71bbf5dc987d54727823bcbe'\n", errors: [{ line: 1, column: 15, endLine: 1, endColumn: 79 }] },
    { filename: 'doc/topics/auth/customizing.html', code: "ADMIN_PASSWORD = 'pbkdf2_Vo0VlMnkR4Bk$qEvtdyZRWTcOsCnI/oQ7fVOu1XAURIZYoOZ3iq8Dr4M='\n", errors: [{ line: 1, column: 19, endLine: 1, endColumn: 83 }] },
    // The same values outside an example string, or after one closes; a Basic header with a password.
    { filename: 'plugins/modules/datadog_monitor.py', code: 'DOCS = r\'\'\'\n    api_key: "9775a026f1ca7d1c6c5af9d94d9595a4"\n\'\'\'\n', errors: [{ line: 2, column: 15, endLine: 2, endColumn: 47 }] },
    { filename: 'plugins/modules/datadog_monitor.py', code: 'EXAMPLES = """\n- name: x\n"""\napi_key = "9775a026f1ca7d1c6c5af9d94d9595a4"\n', errors: [{ line: 4, column: 12, endLine: 4, endColumn: 44 }] },
    { filename: 'plugins/modules/openshift_auth.py', code: "headers = {'Authorization': 'Basic b3BlbnNoaWZ0LWNoYWxsZW5naW5nLWNsaWVudDpzM2NyM3Q='}\n", errors: [{ line: 1, column: 36, endLine: 1, endColumn: 84 }] },
    // An MCP server's config (.cursor/mcp.json): a flag with its value in one string, and a flag and its value as two.
    { filename: '.cursor/mcp.json', code: '{ "mcpServers": { "figma": { "command": "npx", "args": ["-y", "figma-developer-mcp", "--figma-api-key=figd_Xk9vQ2pL7xW4zR8mQ3ZxT6yU1iO5pA8sD2fG4hJ7", "--stdio"] } } }\n', errors: [{ line: 1, column: 103, endLine: 1, endColumn: 148 }] },
    { filename: '.vscode/mcp.json', code: '{ "servers": { "acme": { "args": ["--read-only", "--access-token", "Xk9vQ2pL7xW4zR8mQ3ZxT6yU1iO5pA8sD2fG4hJ7kL"] } } }\n', errors: [{ line: 1, column: 69, endLine: 1, endColumn: 111 }] },
    { filename: 'config/users.json', code: '{\n  "examples": ["a", "b"],\n  "admin": { "password": "superSecure123" }\n}\n', errors: [{ line: 3, column: 27, endLine: 3, endColumn: 41 }] },
    { filename: 'config/app.yaml', code: 'examples:\n  - one\ndatabase:\n  password: "superSecure123"\n', errors: [{ line: 4, column: 14, endLine: 4, endColumn: 28 }] },
    { filename: 'examples/minio/config.json', code: '{\n  "secretKey": "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TH"\n}\n', errors: [{ line: 2, column: 17, endLine: 2, endColumn: 57 }] },
    { filename: 'README.md', code: 'rhsm_password: "$ecur3p4$$w0rd"\n', errors: [{ line: 1, column: 17, endLine: 1, endColumn: 31 }] },
    { filename: 'app/models/user.rb', code: '@password = "kT9#vQ2!pL7@xW4z"\n', errors: [{ line: 1, column: 14, endLine: 1, endColumn: 30 }] },
    { filename: 'app/client.py', code: 'headers = {"Authorization": "Bearer kT9vQ2pL7xW4zR8mQ3Zx","X-Fmt":"{id}" }\n', errors: [{ line: 1, column: 37, endLine: 1, endColumn: 57 }] },
    { filename: 'etc/app.ini', code: 'secret = testing123Xk9vQ2pL\n', errors: [{ line: 1, column: 10, endLine: 1, endColumn: 28 }] },
    { filename: 'app/settings.py', code: "DB_PASSWORD = 'kT9#vQ2!pL7@xW4z'\n", errors: [{ line: 1, column: 16, endLine: 1, endColumn: 32 }] },
    { filename: 'group_vars/all.yml', code: 'admin_password: storagegrid123\n', errors: [{ line: 1, column: 17, endLine: 1, endColumn: 31 }] },
    { filename: 'app/settings.py', code: "SECRETS = ('password', 'kT9#vQ2!pL7@xW4z')\n", errors: [{ line: 1, column: 25, endLine: 1, endColumn: 41 }] },
    { filename: 'app/settings.py', code: "api_key = 'Xk9-Qz7-Wm4-Lp2'\n", errors: [{ line: 1, column: 12, endLine: 1, endColumn: 27 }] },
    { filename: 'app/settings.py', code: "api_key = 'kT9vQ2pL7xW4zR8m'  # rotated weekly\n", errors: [{ line: 1, column: 12, endLine: 1, endColumn: 28 }] },
    { filename: 'etc/app.ini', code: 'client_token = kT9vQ2pL7xW4zR8m\n', errors: [{ line: 1, column: 16, endLine: 1, endColumn: 32 }] },
    // A token in a page's URL is still one; a scheme followed by a value, not a word, still is.
    { filename: 'README.md', code: 'See https://dash.acme-corp.com/report?token=kT9vQ2pL7xW4zR8m\n', errors: [{ line: 1, column: 45, endLine: 1, endColumn: 61 }] },
    { filename: 'app/client.json', code: '{ "auth_token": "Token kT9vQ2pL7x." }\n', errors: [{ line: 1, column: 24 }] },
    { filename: 'doc/html/Installing.html', code: '$database_password = &#39;kT9#vQ2!pL7@xW4z&#39;;\n', errors: [{ line: 1, column: 27, endLine: 1, endColumn: 43 }] },
    { filename: 'etc/app.conf', code: 'password = kT9#vQ2!pL$word1Xz\n', errors: [{ line: 1, column: 12 }] },
    { filename: 'etc/app.conf', code: 'auth_token = ABCDvQ2pL7xW4zR8m\n', errors: [{ line: 1, column: 14 }] },
    { filename: 'etc/app.conf', code: 'auth_token = KT9V-Q2PL-7XW4-ZR8M\n', errors: [{ line: 1, column: 14 }] },
    { filename: 'config/locales/es.yml', code: 'ldap_password: kT9vQ2pL7xW4zR8m\n', errors: [{ line: 1, column: 16 }] },
    { filename: 'api/client.js', code: '  accessToken: "ODhwVQ35xwlzRuoZEwKXucfu7583sPTzK48c5zoGd0g6o"\n', errors: [{ line: 1, column: 17 }] },
    // A block of text under any other key can be a whole config file, whose values count.
    { filename: 'k8s/configmap.yaml', code: 'data:\n  config.yaml: |\n    database:\n      password: "conta1n3rize14"\n', errors: [{ line: 4, column: 18 }] },
    { filename: 'api/swagger.yaml', code: 'description: |\n  Some text.\nauth:\n  password: "conta1n3rize14"\n', errors: [{ line: 4, column: 14 }] },
    // A Puppet class's default in quotes is a value.
    { filename: 'examples/all-in-one.pp', code: "class { 'designate::keystone::auth':\n  $keystone_password    = 'kT9#vQ2!pL7@xW4z'\n}\n", errors: [{ line: 2, column: 28 }] },
    // A person's password may be a word and a counter; a token is not.
    { filename: 'config/app.yml', code: 'smtp_password: "dragonfly-12"\n', errors: [{ line: 1, column: 17 }] },
    // A secret key with slashes is not a credential scope unless it ends as one.
    { filename: 'signer/v4_test.go', code: 'secretKey := "kT9vQ2pL/7xW4zR8mQ3/Zx6yU1iO5pA8sD2fG4hJ"\n', errors: [{ line: 1, column: 15 }] },
  ],
});
