/**
 * A gateway in its own process for the crash test: `tsx --conditions=@helicone-kit/source child-gateway.ts <db>`.
 * Prints `{"url","apiKey"}` on one line once it listens, then serves until killed.
 */
import { startLocalGateway } from '../../start-local-gateway';

const database = process.argv[2];
if (database === undefined) throw new Error('usage: child-gateway.ts <database file>');
const gateway = await startLocalGateway({
  database,
  pace: { firstTokenMs: 0, tokensPerSecond: 4000 },
  onWarning: () => {},
});
process.stdout.write(`${JSON.stringify({ url: gateway.url, apiKey: gateway.apiKey })}\n`);
