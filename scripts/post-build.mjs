// tsc keeps the shebang but not the executable bit; `npx zhenxing` and the bin link need it.
import { chmodSync, existsSync } from 'node:fs';
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
