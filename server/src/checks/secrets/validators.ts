// Named validators a rule in rules/secrets.yml can ask for, when a pattern alone cannot tell a real
// secret from a look-alike. Each takes the matched value and says whether it is a secret.
import { shannonEntropy } from './entropy';

export type Validator = (value: string) => boolean;

// What may surround the body of a PEM block in source code: newlines, escaped newlines, quotes and
// concatenation, and RFC 7468 / PGP armour headers such as `Proc-Type: 4,ENCRYPTED`.
const PEM_NOISE = /\\[nr]|[\s"'`+,]|^[A-Za-z-]+:[^\n]*$/gm;

export const validators: Record<string, Validator> = {
  /** A PEM block whose body is real base64 key material, not `...` or `<your key>` or `xxxx`. */
  'pem-body': (value) => {
    const body = value.replace(/^-----BEGIN[^\n]*?-----/, '').replace(/-----END[^\n]*?-----$/, '');
    const cleaned = body.replace(PEM_NOISE, '');
    return cleaned.length >= 64 && /^[A-Za-z0-9+/=]+$/.test(cleaned) && shannonEntropy(cleaned) >= 4;
  },
};
