/** shipshape.yml (or the file given with --config) is missing or invalid; the message says where. */
export class ConfigError extends Error {}
