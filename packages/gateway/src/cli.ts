#!/usr/bin/env node
import { parseArguments, usage } from './cli/parse-arguments';
import { startLocalGateway } from './start-local-gateway';

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    console.log(usage);
    return;
  }
  const gateway = await startLocalGateway(parsed.options);
  console.log(`Helicone-compatible local gateway listening on ${gateway.url}`);
  console.log(`OpenAI base URL: ${gateway.url}/v1`);
  console.log(`API key: ${gateway.apiKey}`);
  console.log(`Request log: ${parsed.options.database ?? ':memory:'}`);
  const { upstream } = parsed.options;
  if (upstream !== undefined)
    console.log(`Upstream: ${typeof upstream === 'string' ? upstream : upstream.url}`);
  if (parsed.options.dev) {
    console.log(
      `Dev mode: POST /__dev/faults is on (with the key); time scale ${parsed.options.timeScale ?? 1}.`,
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing open streams and the request log...`);
    void gateway.close().then(() => {
      console.log('Stopped.');
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
