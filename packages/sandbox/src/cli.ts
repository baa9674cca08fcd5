import { startSandbox } from './server.js';

const USAGE = 'Usage: dcr-sandbox [--port 8787] [--host 127.0.0.1]';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? '') : fallback;
}

const port = Number(option('port', process.env.PORT ?? '8787'));
const host = option('host', '127.0.0.1');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`dcr-sandbox: the port must be a number from 0 to 65535.\n${USAGE}`);
  process.exit(2);
}

try {
  const sandbox = await startSandbox({ port, host });
  console.log(`dcr-sandbox: FHIR R4 base URL ${sandbox.fhirR4BaseUrl}`);
  console.log(
    `dcr-sandbox: GP Connect base URL ${sandbox.gpConnectBaseUrl} (POST Patient/$gpc.getstructuredrecord)`,
  );
  console.log(
    `dcr-sandbox: fault profiles at http://${host}:${port === 0 ? new URL(sandbox.fhirR4BaseUrl).port : port}/__sandbox/faults`,
  );
  const stop = () => sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `dcr-sandbox: port ${port} is already in use. Stop what uses it or pass --port <other>.`,
    );
  } else {
    console.error(`dcr-sandbox: could not start: ${(error as Error).message}`);
  }
  process.exit(1);
}
