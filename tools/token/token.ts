/**
 * Prints a signed token for trying the API by hand:
 *   npm run token -- --role officer --sub alice [--role admin] [--enterprise <uuid>] [--name "Alice"] [--ttl 8h]
 * Signs with AUTH_JWT_SECRET, or the development default.
 */
import { parseArgs } from 'node:util';
import { isRole, resolveJwtSecret, signToken, type Role } from '@westgate/auth';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: [] },
    sub: { type: 'string' },
    name: { type: 'string' },
    enterprise: { type: 'string' },
    ttl: { type: 'string', default: '8h' },
  },
});

const roles = (values.role ?? []).flatMap((role) => role.split(','));
const unknown = roles.filter((role) => !isRole(role));
if (roles.length === 0 || unknown.length > 0) {
  console.error(`usage: npm run token -- --role <admin|officer|reviewer|analyst|enterprise> [--sub id] [--enterprise uuid]${unknown.length ? `\nunknown role: ${unknown.join(', ')}` : ''}`);
  process.exit(2);
}

try {
  const token = signToken(
    {
      sub: values.sub ?? roles[0],
      roles: roles as Role[],
      ...(values.name ? { name: values.name } : {}),
      ...(values.enterprise ? { enterprise_id: values.enterprise } : {}),
    },
    resolveJwtSecret(process.env),
    { expiresIn: values.ttl as `${number}h` },
  );
  process.stdout.write(`${token}\n`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
