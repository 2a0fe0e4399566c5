// One cache of .gitignore rules for the secrets family: files git ignores get no secret findings, and
// the env quick fix checks that `.env` is ignored. The server resets it when a .gitignore changes.
import { GitIgnoreOracle } from '../../engine/workspace/files';

export const gitIgnore = new GitIgnoreOracle();

export function resetSecretsGitIgnoreCache(): void {
  gitIgnore.reset();
}
