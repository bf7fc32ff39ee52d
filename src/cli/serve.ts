/**
 * `smcheck serve [--port N] [--config FILE] [--no-open]`: starts the page for staff on this
 * computer (src/serve/server.ts), opens it in the default browser, and runs until Ctrl+C.
 */
import { startServer } from '../serve/server.js';

export interface ServeCliOptions {
  port: number;
  config?: string;
  open: boolean;
}

export async function runServe(opts: ServeCliOptions): Promise<number> {
  const server = await startServer({ port: opts.port, config: opts.config });
  const info = await server.service.info();
  const lists = info.config
    ? `${info.school ?? info.config}: ${info.pupils} pupils, ${info.staff} staff, ${info.noPublish} on the no-publish list`
    : 'no smcheck.yml found: names are found by language analysis only (run smcheck init to set up)';
  process.stdout.write(
    `smcheck is ready at ${server.url}\n` +
      `  ${lists}\n` +
      `  Only this computer can open it. Keep this window open while you use the page; press Ctrl+C to stop.\n`,
  );
  if (opts.open) {
    try {
      const { default: open } = await import('open');
      await open(server.url);
    } catch {
      process.stdout.write('  (could not open a browser: copy the address above into one)\n');
    }
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  process.stdout.write('smcheck stopped.\n');
  return 0;
}
